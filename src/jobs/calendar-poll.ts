import { CALENDAR_SYNC } from '../calendar/timing';
import type { RecurringJob } from './types';

/** The calendar poller: syncs for connected accounts whose poll is due (CALENDAR_POLL_SECONDS, or push's safety net). */
export const calendarPoll: RecurringJob = {
  name: 'calendar-poll',
  everyMs: CALENDAR_SYNC.pollEveryMs,
  run: (ctx) => ctx.calendarSync.poll(),
};
