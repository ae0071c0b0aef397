import { MINUTE_MS } from '../time/duration';
import type { RecurringJob } from './types';

/**
 * Confirmed actions whose process died before the outcome was written: found out and told, once
 * (agent/confirm/recover-stalled.ts). Each minute, so a person waits at most a lease and a minute.
 */
export const recoverStalledActions: RecurringJob = {
  name: 'recover-stalled-actions',
  everyMs: MINUTE_MS,
  run: async (_ctx, ports) => (await ports.agent?.recoverStalledActions()) ?? 0,
};
