import { HOUR_MS } from '../time/duration';
import type { RecurringJob } from './types';

/** OAuth states (and their PKCE verifiers) of sign-ins that expired unfinished. */
export const purgeOAuthStates: RecurringJob = {
  name: 'purge-oauth-states',
  everyMs: HOUR_MS,
  run: (ctx) => ctx.states.purgeExpired(),
};
