import { randomBytes } from 'node:crypto';
import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import type { FakeCalendar } from './calendar';

type Event = calendar_v3.Schema$Event;

/** What a sync token stands for: the calendar as it was when Google handed the token out. */
interface Snapshot {
  sub: string;
  calendarId: string;
  singleEvents: boolean;
  events: Map<string, string>;
}

/** Parameters Google refuses beside a syncToken (its events.list reference). */
export const NOT_WITH_SYNC_TOKEN = ['timeMin', 'timeMax', 'updatedMin', 'orderBy', 'q', 'iCalUID'];

export const SYNC_TOKEN_GONE = 'Sync token is no longer valid, a full sync is required.';

/**
 * The fake's sync tokens: each one names a snapshot of the calendar's events (as JSON), so the
 * changes since a token are found by comparing, however a spec changed the events (a route, or a
 * direct edit of `calendars.get('primary').events`). A removed event comes back as Google sends a
 * deleted one: `{id, status: 'cancelled'}`.
 */
export class FakeSyncTokens {
  private readonly snapshots = new Map<string, Snapshot>();

  issue(sub: string, calendarId: string, cal: FakeCalendar, singleEvents: boolean): string {
    const token = `CP${randomBytes(12).toString('base64url')}`;
    const events = new Map(cal.events.map((e) => [e.id ?? '', JSON.stringify(e)]));
    this.snapshots.set(token, { sub, calendarId, singleEvents, events });
    return token;
  }

  /** The events changed since `token` (by id), or undefined when Google would answer 410. */
  changesSince(
    token: string,
    sub: string,
    calendarId: string,
    cal: FakeCalendar,
    singleEvents: boolean,
  ): Event[] | undefined {
    const snap = this.snapshots.get(token);
    if (!snap || snap.sub !== sub || snap.calendarId !== calendarId || snap.singleEvents !== singleEvents)
      return undefined;
    const changed: Event[] = cal.events.filter((e) => snap.events.get(e.id ?? '') !== JSON.stringify(e));
    const present = new Set(cal.events.map((e) => e.id));
    for (const [id] of snap.events)
      if (!present.has(id)) changed.push({ kind: 'calendar#event', id, status: 'cancelled' });
    return changed.sort((a, b) => String(a.id).localeCompare(String(b.id)));
  }

  /** Every token handed out so far answers 410 from now on (Google expires tokens when it must). */
  invalidate(sub?: string): void {
    for (const [token, snap] of this.snapshots) if (!sub || snap.sub === sub) this.snapshots.delete(token);
  }
}

/** `maxAttendees`: past the limit, Google returns only the person's own entry and says so. */
export function limitAttendees(e: Event, maxAttendees: number | undefined): Event {
  if (!maxAttendees || !e.attendees || e.attendees.length <= maxAttendees) return e;
  return { ...e, attendees: e.attendees.filter((a) => a.self), attendeesOmitted: true };
}
