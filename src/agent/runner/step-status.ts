import type { Tool } from '../../tools/types';

// Words for the assistant status line, by the product area a tool's name belongs to.
const AREAS: [RegExp, string][] = [
  [/email|mail|draft|label|gmail/i, 'reading your mail'],
  [/event|calendar|free|busy|slot|rsvp/i, 'checking your calendar'],
  [/task/i, 'looking at your tasks'],
  [/note|keep/i, 'reading your notes'],
  [/place|route|travel|map|direction/i, 'looking at the map'],
  [/time|clock|date/i, 'checking the time'],
];

/** "is checking your calendar and reading your mail…" for the tools about to run. */
export function stepStatus(tools: Tool[]): string {
  const phrases = [
    ...new Set(tools.map((t) => AREAS.find(([re]) => re.test(t.name))?.[1] ?? 'working on it')),
  ];
  return `is ${phrases.slice(0, 2).join(' and ')}…`;
}
