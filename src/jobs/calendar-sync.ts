import { type CalendarJobPayload, SYNC_KIND } from '../calendar/sync-requests';
import { JobDiscard, JobSnooze } from './engine/errors';
import type { JobKind } from './types';

/**
 * Sync one Google account's primary calendar (src/calendar). Keyed `calendar-sync:<userId>`, so
 * every trigger (link, push, poll) lands on one job. Google's rate limits snooze it (not counted as
 * a failure); access gone ends it after calendar state is forgotten; other failures retry.
 */
export const calendarSync: JobKind<CalendarJobPayload> = {
  kind: SYNC_KIND,
  async run({ userId }, job, ctx) {
    const outcome = await ctx.calendarSync.sync(userId, job.signal);
    if (outcome.kind === 'rate-limited') throw new JobSnooze(outcome.retryInMs);
    if (outcome.kind === 'revoked') throw new JobDiscard('Google access was revoked');
  },
};
