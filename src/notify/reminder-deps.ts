import type { Models } from '../../models';
import type { LinkHooks } from '../auth/link-hooks';
import type { CalendarChangeHub } from '../calendar/change-hub';
import type { Config } from '../config';
import type { GoogleClientFactory } from '../google/client-factory';
import type { JobQueue } from '../job-queue';
import type { Logger } from '../log';
import type { Settings } from '../settings/settings';
import type { Telemetry } from '../telemetry';
import type { SentNotices } from './sent-notices';

/**
 * What reminders and leave-now use of the app's services (a subset of AppContext, which passes
 * itself: src/notify cannot import the context, which imports src/notify).
 */
export interface ReminderDeps {
  config: Pick<Config, 'google'>;
  log: Logger;
  db: { models: Models };
  google: GoogleClientFactory;
  settings: Settings;
  calendar: CalendarChangeHub;
  notices: SentNotices;
  jobs: JobQueue;
  hooks: LinkHooks;
  telemetry: Telemetry;
  now: () => Date;
}

/** The job kinds' names (src/jobs/reminder.ts and leave-now.ts run them). */
export const REMINDER_JOB = 'reminder';
export const LEAVE_NOW_JOB = 'leave-now';
export const REPLAN_REMINDERS_JOB = 'replan-reminders';

/** The person's running attempt, as the send and plan steps need it. */
export interface Attempt {
  id: string;
  signal: AbortSignal;
}
