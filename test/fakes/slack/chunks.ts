import { blocksError } from './blocks';
import type { FakeMessage } from './state';

/**
 * The chunks of Slack's streaming methods (chat.startStream / appendStream / stopStream), checked as
 * Slack checks them (`invalid_chunks`), then applied to the streamed message: markdown_text adds to
 * its text; every chunk is recorded in order, so specs see task_update steps as Slack received them.
 */
type Obj = Record<string, unknown>;
const TASK_STATUSES = new Set(['pending', 'in_progress', 'complete', 'error']);
/** Slack's limits for a task's details and output. */
const TASK_TEXT_MAX = 256;

function chunkError(c: Obj): string | undefined {
  switch (c.type) {
    case 'markdown_text':
      return typeof c.text === 'string' ? undefined : 'markdown_text chunk without text';
    case 'plan_update':
      return typeof c.title === 'string' && c.title ? undefined : 'plan_update chunk without title';
    case 'blocks':
      return blocksError(c.blocks, 50);
    case 'task_update': {
      if (typeof c.id !== 'string' || !c.id) return 'task_update without id';
      if (typeof c.title !== 'string' || !c.title) return 'task_update without title';
      if (!TASK_STATUSES.has(String(c.status))) return `task_update status ${String(c.status)}`;
      for (const f of ['details', 'output'] as const)
        if (c[f] !== undefined && (typeof c[f] !== 'string' || (c[f] as string).length > TASK_TEXT_MAX))
          return `task_update ${f} must be a string of at most ${TASK_TEXT_MAX} characters`;
      if (c.sources !== undefined) {
        if (!Array.isArray(c.sources)) return 'task_update sources must be an array';
        for (const src of c.sources as Obj[])
          if (src.type !== 'url' || typeof src.text !== 'string' || !/^https?:\/\//.test(String(src.url)))
            return 'task_update source must be {type: "url", url, text}';
      }
      return undefined;
    }
    default:
      return `unknown chunk type ${String(c.type)}`;
  }
}

/** Why these arguments' chunks are invalid, or undefined (absent chunks are fine). */
export function chunksError(chunks: unknown): string | undefined {
  if (chunks === undefined) return undefined;
  if (!Array.isArray(chunks)) return 'chunks must be an array';
  for (const c of chunks) {
    if (!c || typeof c !== 'object') return 'chunk must be an object';
    const err = chunkError(c as Obj);
    if (err) return err;
  }
  return undefined;
}

/** markdown_text (the argument) then the chunks, onto the streamed message. */
export function applyStream(m: FakeMessage, markdown: unknown, chunks: unknown): void {
  const received = [
    ...(typeof markdown === 'string' ? [{ type: 'markdown_text', text: markdown }] : []),
    ...((chunks as Obj[] | undefined) ?? []),
  ];
  m.chunks = [...(m.chunks ?? []), ...received];
  for (const c of received) if (c.type === 'markdown_text') m.text = `${m.text ?? ''}${String(c.text)}`;
}
