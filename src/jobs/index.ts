import { briefingJob } from './briefing';
import { planBriefings } from './plan-briefings';
import { purgeAgentMessages } from './purge-agent-messages';
import { purgeConnectLinks } from './purge-connect-links';
import { purgeFinishedJobs } from './purge-finished-jobs';
import { purgeOAuthStates } from './purge-oauth-states';
import { purgePendingActions } from './purge-pending-actions';
import { recoverStalledActions } from './recover-stalled-actions';
import type { JobCatalogue, JobKind, RecurringJob } from './types';

export type { JobPorts } from './ports';
export type { JobCatalogue, JobKind, RecurringJob } from './types';

/** Every recurring job; a new one is a file beside this and a line here. */
export const recurringJobs: RecurringJob[] = [
  purgeConnectLinks,
  purgeOAuthStates,
  purgePendingActions,
  purgeAgentMessages,
  purgeFinishedJobs,
  recoverStalledActions,
  planBriefings,
];

/** Every kind of job services may enqueue; a new kind is a file beside this and a line here. */
export const jobKinds: JobKind[] = [briefingJob as JobKind];

/** What the queue accepts and the engine runs (src/build-context.ts and src/run.ts both read it). */
export const jobCatalogue: JobCatalogue = { kinds: jobKinds, recurring: recurringJobs };
