import { briefingJob } from './briefing';
import { calendarPoll } from './calendar-poll';
import { calendarSync } from './calendar-sync';
import { calendarWatch } from './calendar-watch';
import { changeNoticeJob } from './change-notice';
import { invitationJob } from './invitation';
import { invitationUpdateJob } from './invitation-update';
import { leaveNowJob } from './leave-now';
import { planBriefings } from './plan-briefings';
import { purgeAgentMessages } from './purge-agent-messages';
import { purgeConnectLinks } from './purge-connect-links';
import { purgeFinishedJobs } from './purge-finished-jobs';
import { purgeNotices } from './purge-notices';
import { purgeOAuthStates } from './purge-oauth-states';
import { purgePendingActions } from './purge-pending-actions';
import { purgeRsvpClaims } from './purge-rsvp-claims';
import { recoverStalledActions } from './recover-stalled-actions';
import { reminderJob } from './reminder';
import { replanRemindersJob } from './replan-reminders';
import { rereadTimeZones } from './reread-time-zones';
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
  purgeRsvpClaims,
  purgeNotices,
  recoverStalledActions,
  calendarPoll,
  rereadTimeZones,
  planBriefings,
];

/** Every kind of job services may enqueue; a new kind is a file beside this and a line here. */
export const jobKinds: JobKind[] = [
  calendarSync as JobKind,
  calendarWatch as JobKind,
  reminderJob as JobKind,
  leaveNowJob as JobKind,
  invitationJob as JobKind,
  invitationUpdateJob as JobKind,
  changeNoticeJob as JobKind,
  replanRemindersJob as JobKind,
  briefingJob as JobKind,
];

/** What the queue accepts and the engine runs (src/build-context.ts and src/run.ts both read it). */
export const jobCatalogue: JobCatalogue = { kinds: jobKinds, recurring: recurringJobs };
