import type { CalendarChange } from '../calendar/feed';

/** What changed about an accepted event, as a change notice tells it. */
export type PlannedChange = { kind: 'moved'; fromStart: string; fromEnd: string } | { kind: 'cancelled' };

/**
 * Whether a change gets a change notice, and which: an event someone else organises, that the person
 * had accepted, whose organiser moved it (its start or end, still ahead) or cancelled it. The person's
 * own changes get none: declining it (or removing it from their calendar, which Google records as a
 * decline) is theirs, and events they organise are theirs. First syncs announce nothing.
 */
export function plannedChange(c: CalendarChange, now: Date): PlannedChange | null {
  const { before, after } = c;
  if (!before || before.organizerSelf || before.response !== 'accepted' || before.status === 'cancelled')
    return null;
  if (after.response === 'declined' || after.organizerSelf) return null;
  if (after.status === 'cancelled') return { kind: 'cancelled' };
  if (!before.start || !before.end || !after.start || !after.end || after.allDay) return null;
  const moved =
    before.start.getTime() !== after.start.getTime() || before.end.getTime() !== after.end.getTime();
  if (!moved || after.start <= now) return null;
  return { kind: 'moved', fromStart: before.start.toISOString(), fromEnd: before.end.toISOString() };
}

/** One notice per person, event and what it became (its new start, or its cancellation). */
export function changePart(c: CalendarChange, p: PlannedChange): string {
  return p.kind === 'cancelled' ? 'cancelled' : String(c.after.start?.getTime());
}
