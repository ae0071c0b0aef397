import type { types } from '@slack/bolt';
import type { LinkPolicy } from '../../agent/link-policy';
import type { ToolStep } from '../../agent/ports';
import { truncate } from '../blocks/text';

/** Slack's limits for a task's texts (details and output hold at most 256 characters). */
const TITLE_MAX = 150;
const OUTPUT_MAX = 256;

/**
 * One thinking step as Slack's streamed task_update chunk. Sources are the links the tool returned
 * that the turn's LinkPolicy allows — the same rule as links in the answer — so a step never links
 * anywhere the answer could not.
 */
export function taskUpdate(step: ToolStep, links: LinkPolicy): types.TaskUpdateChunk {
  const sources = (step.sources ?? [])
    .filter((s) => links.allows(s.url))
    .map((s) => ({ type: 'url' as const, url: s.url, text: truncate(s.text, 100) }));
  return {
    type: 'task_update',
    id: step.id,
    title: truncate(step.title, TITLE_MAX),
    status: step.status,
    ...(step.output ? { output: truncate(step.output, OUTPUT_MAX) } : {}),
    ...(sources.length ? { sources } : {}),
  };
}
