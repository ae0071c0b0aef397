import { HOUR_MS } from '../time/duration';
import type { RecurringJob } from './types';

/** One-time connect links past their ten minutes can never be used: drop them. */
export const purgeConnectLinks: RecurringJob = {
  name: 'purge-connect-links',
  everyMs: HOUR_MS,
  run: (ctx) => ctx.links.purgeExpired(),
};
