import { type CalendarJobPayload, scheduleWatch, WATCH_KIND } from '../calendar/sync-requests';
import { JobSnooze } from './engine/errors';
import type { JobKind } from './types';

/**
 * Keep one Google account's calendar push channel alive (src/calendar): register one, or replace it
 * before it expires (the new channel first, then the old one stopped), and come back before the new
 * one's end. Keyed `calendar-watch:<userId>`; disconnect cancels it.
 */
export const calendarWatch: JobKind<CalendarJobPayload> = {
  kind: WATCH_KIND,
  async run({ userId }, job, ctx) {
    const outcome = await ctx.calendarSync.keepChannel(userId, job.signal);
    if (outcome.kind === 'rate-limited') throw new JobSnooze(outcome.retryInMs);
    if (outcome.kind === 'kept') await scheduleWatch(ctx.jobs, userId, outcome.next);
  },
};
