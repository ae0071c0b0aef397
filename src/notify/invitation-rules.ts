import type { CalendarChange, CalendarEventState } from '../calendar/feed';

/** Event types that are never invitations (Google's own entries on the calendar). */
const NOT_INVITATIONS = new Set(['workingLocation', 'outOfOffice', 'focusTime', 'birthday', 'fromGmail']);

/** An event the person is asked to answer: a guest (not the organiser), unanswered, still on. */
export function isInvitation(e: CalendarEventState): boolean {
  return (
    e.response === 'needsAction' &&
    !e.organizerSelf &&
    e.status !== 'cancelled' &&
    !NOT_INVITATIONS.has(e.eventType)
  );
}

/** The person is a guest of it, it still stands: some answer (or none yet) of theirs is on it. */
const wasGuest = (e: CalendarEventState | null) =>
  !!e && e.status !== 'cancelled' && !e.organizerSelf && e.response !== 'organizer';

/**
 * A change that brings the person a new invitation: unanswered now, and not something they were
 * already a guest of (a moved invitation, or one they answered and Google reset, is not new). Timed
 * ones must still be ahead; all-day ones until their day is over (checked again at send time).
 */
export function isNewInvitation(c: CalendarChange, now: Date): boolean {
  if (!isInvitation(c.after) || wasGuest(c.before)) return false;
  if (c.after.allDay) return true;
  return !!c.after.start && c.after.start > now;
}

/** A change after which an invitation's DM shows something else: answered (anywhere) or cancelled. */
export function isSettledInvitation(c: CalendarChange): boolean {
  if (!c.before || c.before.organizerSelf) return false;
  if (c.after.status === 'cancelled') return c.before.status !== 'cancelled';
  return c.before.response !== c.after.response && c.after.response !== 'needsAction';
}
