import { HOUR_MS } from '../time/duration';
import type { RecurringJob } from './types';

/** Done jobs after a week (their keys have long stopped mattering), dead ones after a month. */
export const purgeFinishedJobs: RecurringJob = {
  name: 'purge-finished-jobs',
  everyMs: HOUR_MS,
  run: (ctx) => ctx.jobs.purgeFinished(),
};
