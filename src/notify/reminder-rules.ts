import { eventRef } from '../calendar/event-ref';
import type { CalendarEventState, MyResponse } from '../calendar/feed';
import type { PersonSettings } from '../settings/types';
import { MINUTE_MS } from '../time/duration';

/**
 * Which events get a reminder, when it is due, and the keys that make it once: the contract's
 * "Reminders" sentence as pure functions, shared by the planner and the send job (which re-checks
 * what Google says at send time against the same rules).
 */

/** Answers that still mean "I am going" (or "I have not said"): never declined. */
const REMINDED_RESPONSES: readonly MyResponse[] = ['organizer', 'accepted', 'tentative', 'needsAction'];

/**
 * Event types that are never reminded: they say where or whether the person works, not something to
 * attend (the contract's list; birthdays are all-day anyway). Focus time is the person's own block, and is.
 */
const UNREMINDED_TYPES = ['outOfOffice', 'workingLocation', 'birthday'];

/**
 * A reminder later than this after its due time, for a meeting that has already started, is not sent:
 * "your 10:00 starts in 5 minutes" at 10:20 helps nobody (Lume was down).
 */
export const STALE_AFTER_MS = 5 * MINUTE_MS;

/** How long before the reminder's own due time leave-now asks Routes: close enough for live traffic. */
export const LEAVE_NOW_PLAN_AHEAD_MS = 45 * MINUTE_MS;

/** The scheduling facts the rules read (a stored event, or what Google answered at send time). */
export type ReminderFacts = Pick<
  CalendarEventState,
  'status' | 'start' | 'allDay' | 'eventType' | 'response'
>;

/** Whether the contract reminds this event at all (settings aside). */
export function isRemindedEvent(e: ReminderFacts): e is ReminderFacts & { start: Date } {
  return (
    e.status !== 'cancelled' &&
    !e.allDay &&
    !!e.start &&
    !UNREMINDED_TYPES.includes(e.eventType) &&
    REMINDED_RESPONSES.includes(e.response)
  );
}

/** When the ordinary reminder is due: `lead` minutes before the start, in real instants (DST-proof). */
export const reminderDueAt = (start: Date, leadMinutes: number): Date =>
  new Date(start.getTime() - leadMinutes * MINUTE_MS);

/** When leave-now is due: start − travel (rounded up to a whole minute) − lead. */
export function leaveNowDueAt(start: Date, travelSeconds: number, leadMinutes: number): Date {
  return new Date(start.getTime() - Math.ceil(travelSeconds / 60) * MINUTE_MS - leadMinutes * MINUTE_MS);
}

/** Whether a reminder this late, for this start, must be dropped instead of sent. */
export function isStale(now: Date, dueAt: Date, start: Date): boolean {
  return now.getTime() > start.getTime() && now.getTime() - dueAt.getTime() > STALE_AFTER_MS;
}

/** A location Routes can travel to: text that is not a link (a Zoom URL pasted as the location is not a place). */
export function isPlace(location: string | null | undefined): location is string {
  const l = location?.trim();
  return !!l && !/https?:\/\//i.test(l) && !/^[a-z][\w+.-]*:\/\//i.test(l);
}

/** Whether this person is reminded at all, and leave-now could apply (Maps on, a start location set). */
export const remindersOn = (s: PersonSettings): boolean => s.reminders.enabled;
export const leaveNowPossible = (s: PersonSettings, mapsConfigured: boolean): boolean =>
  mapsConfigured && !!s.location;

/** Job keys, one per Slack identity and event: re-planning replaces, cancelling takes the prefix. */
export const reminderJobKey = (identityId: number, eventId: string): string =>
  `reminder:${identityId}:${eventRef(eventId).slice(0, 40)}`;
export const leaveNowJobKey = (identityId: number, eventId: string): string =>
  `leave-now:${identityId}:${eventRef(eventId).slice(0, 40)}`;
/** A person's pending re-plan after a settings change (one at a time: a newer change replaces it). */
export const replanJobKey = (identityId: number): string => `replan-reminders:${identityId}:all`;
/** Every planned reminder and leave-now job of one Slack identity. */
export const plannedJobPrefixes = (identityId: number): string[] => [
  `reminder:${identityId}:`,
  `leave-now:${identityId}:`,
];
/** Everything of one Slack identity: the planned jobs and a pending re-plan. */
export const personJobPrefixes = (identityId: number): string[] => [
  ...plannedJobPrefixes(identityId),
  `replan-reminders:${identityId}:`,
];
