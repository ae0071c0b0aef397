import type { Tool } from '../../tools/types';

// Words for the assistant status line, by the product area a tool's name belongs to.
const AREAS: [RegExp, string][] = [
  [/meeting_time/i, 'finding a time with your teammates'],
  [/teammate/i, 'looking up your teammates'],
  [/email|mail|draft|label|gmail/i, 'reading your mail'],
  [/event|calendar|free|busy|slot|rsvp/i, 'checking your calendar'],
  [/task/i, 'looking at your tasks'],
  [/note|keep/i, 'reading your notes'],
  [/place|route|travel|map|direction/i, 'looking at the map'],
  [/time|clock|date/i, 'checking the time'],
];

const areaOf = (tool: Pick<Tool, 'name'>) => AREAS.find(([re]) => re.test(tool.name))?.[1] ?? 'working on it';

/** "is checking your calendar and reading your mail…" for the tools about to run. */
export function stepStatus(tools: Tool[]): string {
  const phrases = [...new Set(tools.map(areaOf))];
  return `is ${phrases.slice(0, 2).join(' and ')}…`;
}

/** A thinking step's title: "Checking your calendar · list events". Names only, never arguments. */
export function stepTitle(tool: Pick<Tool, 'name'>): string {
  const area = areaOf(tool);
  return `${area[0].toUpperCase()}${area.slice(1)} · ${tool.name.replace(/_/g, ' ')}`;
}
