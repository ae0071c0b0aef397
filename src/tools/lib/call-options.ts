import type { ToolContext } from '../types';

/** Per-request options for googleapis calls: the turn's abort signal, so a timed-out turn stops its calls. */
export const callOptions = (ctx: ToolContext) => (ctx.signal ? { signal: ctx.signal } : {});
