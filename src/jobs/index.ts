import { purgeAgentMessages } from './purge-agent-messages';
import { purgeConnectLinks } from './purge-connect-links';
import { purgeOAuthStates } from './purge-oauth-states';
import { purgePendingActions } from './purge-pending-actions';
import { recoverStalledActions } from './recover-stalled-actions';
import type { RecurringJob } from './types';

export type { RecurringJob } from './types';

/** Every recurring job; a new one is a file beside this and a line here. */
export const recurringJobs: RecurringJob[] = [
  purgeConnectLinks,
  purgeOAuthStates,
  purgePendingActions,
  purgeAgentMessages,
  recoverStalledActions,
];
