import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import { httpStatusOf } from '../google/errors';
import { CALENDAR_SYNC, SYNC_CALL } from './timing';

export interface ListedChanges {
  events: calendar_v3.Schema$Event[];
  /** Absent when a full sync was cut at maxPages: the next sync is a full one again. */
  nextSyncToken: string | null;
  /** No token was given, or Google answered 410 to it: this is the whole calendar from the lookback on. */
  full: boolean;
}

/** Google's answer to a sync token it no longer honours: start over with a full sync. */
const isGone = (err: unknown) => httpStatusOf(err) === 410;

/**
 * Read a person's primary calendar from Google: everything from `now − lookback` on (a full sync)
 * or what changed since `syncToken` (incremental). Recurring events come as their instances
 * (`singleEvents`, which both kinds of request must share). A full sync gives no timeMax — Google
 * refuses timeMin/timeMax beside a sync token, and the token of a full sync covers every event the
 * calendar will ever get, so a bounded window would only hide later changes. `maxAttendees: 1` keeps
 * big meetings small on the wire: Google then sends only the person's own attendee entry.
 */
export async function listChanges(
  calendar: calendar_v3.Calendar,
  syncToken: string | null,
  o: { now: Date; signal?: AbortSignal },
): Promise<ListedChanges> {
  if (syncToken) {
    try {
      return { ...(await readAll(calendar, { syncToken }, o.signal)), full: false };
    } catch (err) {
      if (!isGone(err)) throw err;
    }
  }
  const timeMin = new Date(o.now.getTime() - CALENDAR_SYNC.lookbackMs).toISOString();
  return { ...(await readAll(calendar, { timeMin }, o.signal)), full: true };
}

async function readAll(
  calendar: calendar_v3.Calendar,
  window: { syncToken: string } | { timeMin: string },
  signal?: AbortSignal,
): Promise<Omit<ListedChanges, 'full'>> {
  const events: calendar_v3.Schema$Event[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < CALENDAR_SYNC.maxPages; page++) {
    const { data } = await calendar.events.list(
      {
        calendarId: 'primary',
        singleEvents: true,
        maxResults: CALENDAR_SYNC.pageSize,
        maxAttendees: 1,
        ...window,
        pageToken,
      },
      { ...SYNC_CALL, signal },
    );
    events.push(...(data.items ?? []));
    pageToken = data.nextPageToken ?? undefined;
    if (!pageToken) return { events, nextSyncToken: data.nextSyncToken ?? null };
  }
  return { events, nextSyncToken: null };
}
