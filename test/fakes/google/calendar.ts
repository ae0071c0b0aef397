import express, { type Request, type Response, type Router } from 'express';
import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import { googleError, grantOf, requireScopes } from './api-auth';
import { limitAttendees, NOT_WITH_SYNC_TOKEN, SYNC_TOKEN_GONE } from './calendar-sync';
import type { FakeGoogleState } from './state';
import { RFC3339_WITH_OFFSET, wallTimeToInstant } from './zone';

const G = 'https://www.googleapis.com/auth/';
export const CALENDAR_READ = [
  `${G}calendar`,
  `${G}calendar.readonly`,
  `${G}calendar.events`,
  `${G}calendar.events.readonly`,
];
export const CALENDAR_LIST_READ = [
  `${G}calendar`,
  `${G}calendar.readonly`,
  `${G}calendar.calendarlist.readonly`,
];

type Event = calendar_v3.Schema$Event;
export interface FakeCalendar {
  entry: calendar_v3.Schema$CalendarListEntry;
  events: Event[];
}

/** 'primary' or a calendar's id (the primary one is also reachable by the account's email). */
export function findCalendar(state: FakeGoogleState, req: Request, res: Response): FakeCalendar | undefined {
  const calendars = state.dataFor(grantOf(res).sub).calendars;
  const id = String(req.params.calendarId);
  const cal = calendars.get(id) ?? [...calendars.values()].find((c) => c.entry.id === id);
  if (!cal) googleError(res, 404, 'Not Found', 'notFound');
  return cal;
}

/** An event time as an instant: dateTime with its offset (or its timeZone), all-day dates at the calendar's midnight. */
export function instantOf(t: calendar_v3.Schema$EventDateTime | undefined, calendarZone: string): number {
  if (t?.dateTime) {
    return /(Z|[+-]\d{2}:\d{2})$/i.test(t.dateTime)
      ? Date.parse(t.dateTime)
      : wallTimeToInstant(t.dateTime, t.timeZone ?? calendarZone);
  }
  if (t?.date) return wallTimeToInstant(t.date, calendarZone);
  return Number.NaN;
}

function matchesText(e: Event, q: string): boolean {
  const hay = [
    e.summary,
    e.description,
    e.location,
    e.organizer?.email,
    ...(e.attendees ?? []).flatMap((a) => [a.email, a.displayName]),
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/**
 * Calendar read routes: calendarList.list, events.list (window, text, order, paging, and sync:
 * `nextSyncToken` on the last page of a list, `syncToken` for the changes since, 410 for a token
 * Google no longer honours), events.get.
 */
export function calendarRoutes(state: FakeGoogleState): Router {
  const router = express.Router();
  const read = requireScopes(state, CALENDAR_READ);

  router.get('/calendar/v3/users/me/calendarList', requireScopes(state, CALENDAR_LIST_READ), (_req, res) => {
    const items = [...state.dataFor(grantOf(res).sub).calendars.values()].map((c) => ({
      kind: 'calendar#calendarListEntry',
      ...c.entry,
    }));
    res.json({ kind: 'calendar#calendarList', etag: '"fake"', items });
  });

  router.get('/calendar/v3/calendars/:calendarId/events', read, (req, res) => {
    const cal = findCalendar(state, req, res);
    if (!cal) return;
    const q = req.query as Record<string, string | undefined>;
    const sub = grantOf(res).sub;
    const calendarId = String(req.params.calendarId);
    const size = Math.min(Number(q.maxResults ?? 250) || 250, 2500);
    const start = q.pageToken ? Number.parseInt(q.pageToken, 36) : 0;
    const maxAttendees = q.maxAttendees ? Number(q.maxAttendees) : undefined;
    const page = (events: Event[]) => {
      const items = events.slice(start, start + size).map((e) => limitAttendees(e, maxAttendees));
      const last = start + size >= events.length;
      res.json({
        kind: 'calendar#events',
        etag: '"fake"',
        summary: cal.entry.summary,
        updated: new Date().toISOString(),
        timeZone: q.timeZone ?? cal.entry.timeZone ?? 'UTC',
        accessRole: cal.entry.accessRole ?? 'owner',
        defaultReminders: [],
        items,
        ...(last
          ? { nextSyncToken: state.syncTokens.issue(sub, calendarId, cal, q.singleEvents === 'true') }
          : { nextPageToken: (start + size).toString(36) }),
      });
    };
    if (q.syncToken !== undefined) {
      const clash = NOT_WITH_SYNC_TOKEN.find((name) => q[name] !== undefined);
      if (clash) return googleError(res, 400, `Sync token cannot be used with ${clash}.`, 'invalid');
      const changed = state.syncTokens.changesSince(
        q.syncToken,
        sub,
        calendarId,
        cal,
        q.singleEvents === 'true',
      );
      if (!changed) return googleError(res, 410, SYNC_TOKEN_GONE, 'fullSyncRequired');
      return page(changed);
    }
    for (const bound of [q.timeMin, q.timeMax]) {
      if (bound !== undefined && !RFC3339_WITH_OFFSET.test(bound))
        return googleError(res, 400, 'Bad Request', 'badRequest');
    }
    const singleEvents = q.singleEvents === 'true';
    if (q.orderBy === 'startTime' && !singleEvents) {
      return googleError(
        res,
        400,
        'The requested ordering is not available for the particular query.',
        'invalid',
      );
    }
    const zone = cal.entry.timeZone ?? 'UTC';
    const min = q.timeMin ? Date.parse(q.timeMin) : -Infinity;
    const max = q.timeMax ? Date.parse(q.timeMax) : Infinity;
    if (min >= max) return googleError(res, 400, 'The specified time range is empty.', 'timeRangeEmpty');
    let events = cal.events
      .filter((e) => q.showDeleted === 'true' || e.status !== 'cancelled')
      // Overlap: Google's timeMin bounds the end (exclusive), timeMax bounds the start (exclusive).
      .filter((e) => instantOf(e.end, zone) > min && instantOf(e.start, zone) < max)
      .filter((e) => !q.q || matchesText(e, q.q))
      .filter((e) => !q.iCalUID || e.iCalUID === q.iCalUID);
    if (q.orderBy === 'startTime')
      events = [...events].sort((a, b) => instantOf(a.start, zone) - instantOf(b.start, zone));
    if (q.orderBy === 'updated')
      events = [...events].sort((a, b) => Date.parse(a.updated ?? '') - Date.parse(b.updated ?? ''));
    page(events);
  });

  router.get('/calendar/v3/calendars/:calendarId/events/:eventId', read, (req, res) => {
    const cal = findCalendar(state, req, res);
    if (!cal) return;
    const event = cal.events.find((e) => e.id === req.params.eventId);
    if (!event) return googleError(res, 404, 'Not Found', 'notFound');
    res.json(event);
  });

  return router;
}
