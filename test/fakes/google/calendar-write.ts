import express, { type Response, type Router } from 'express';
import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import { googleError, grantOf, requireScopes } from './api-auth';
import { type FakeCalendar, findCalendar, instantOf } from './calendar';
import { newGmailId } from './gmail-store';
import type { FakeGoogleState } from './state';
import { RFC3339_WITH_OFFSET } from './zone';

const G = 'https://www.googleapis.com/auth/';
export const CALENDAR_WRITE = [`${G}calendar`, `${G}calendar.events`];
export const FREEBUSY_READ = [
  `${G}calendar`,
  `${G}calendar.readonly`,
  `${G}calendar.events`,
  `${G}calendar.events.readonly`,
  `${G}calendar.freebusy`,
  `${G}calendar.events.freebusy`,
];

type Event = calendar_v3.Schema$Event;

/** Google's checks on an event's times: both ends present, zone known for floating times, end after start. */
function timesProblem(e: Event, zone: string): string | undefined {
  for (const [name, t] of [
    ['start', e.start],
    ['end', e.end],
  ] as const) {
    if (!t?.date && !t?.dateTime) return `Missing ${name} time.`;
    if (t.dateTime && !/(Z|[+-]\d{2}:\d{2})$/i.test(t.dateTime) && !t.timeZone)
      return `Missing time zone definition for ${name} time.`;
  }
  return instantOf(e.end, zone) <= instantOf(e.start, zone)
    ? 'The specified time range is empty.'
    : undefined;
}

/** A Meet link, as Google adds one for conferenceDataVersion=1 with a createRequest. */
function withConference(e: Event, version: unknown): Event {
  if (String(version) !== '1' || !e.conferenceData?.createRequest) return e;
  const code = `abc-${newGmailId().slice(-4)}-xyz`;
  const uri = `https://meet.google.com/${code}`;
  return {
    ...e,
    hangoutLink: uri,
    conferenceData: {
      conferenceId: code,
      conferenceSolution: { key: { type: 'hangoutsMeet' }, name: 'Google Meet' },
      entryPoints: [{ entryPointType: 'video', uri, label: uri.slice(8) }],
      createRequest: { ...e.conferenceData.createRequest, status: { statusCode: 'success' } },
    },
  };
}

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/**
 * Another account's primary calendar, when it shares its free/busy with the asker (same domain, or
 * public); otherwise Google answers for that id with `notFound`, as for a calendar that does not exist.
 */
function sharedPrimary(state: FakeGoogleState, askerSub: string, id: string): FakeCalendar | undefined {
  const owner = [...state.accounts.values()].find((a) => a.email.toLowerCase() === id.toLowerCase());
  const asker = state.accounts.get(askerSub);
  if (!owner || !asker || owner.sub === askerSub) return undefined;
  const data = state.dataFor(owner.sub);
  const shared =
    data.freeBusySharing === 'public' ||
    (data.freeBusySharing === 'domain' && domainOf(owner.email) === domainOf(asker.email));
  return shared ? data.calendars.get('primary') : undefined;
}

/** Calendar write routes: events insert/patch/update/delete and freeBusy.query. */
export function calendarWriteRoutes(state: FakeGoogleState): Router {
  const router = express.Router();
  const write = requireScopes(state, CALENDAR_WRITE);
  const eventOf = (cal: FakeCalendar, res: Response, id: string) => {
    const e = cal.events.find((x) => x.id === id);
    if (!e) googleError(res, 404, 'Not Found', 'notFound');
    else if (e.status === 'cancelled') googleError(res, 410, 'Resource has been deleted', 'deleted');
    return e?.status === 'cancelled' ? undefined : e;
  };

  router.post('/calendar/v3/calendars/:calendarId/events', write, (req, res) => {
    const cal = findCalendar(state, req, res);
    if (!cal) return;
    const body = req.body as Event;
    const problem = timesProblem(body, cal.entry.timeZone ?? 'UTC');
    if (problem)
      return googleError(res, 400, problem, problem.startsWith('Missing') ? 'required' : 'timeRangeEmpty');
    const id = `ev${newGmailId()}`;
    const now = new Date().toISOString();
    const owner = cal.entry.id ?? '';
    const event: Event = withConference(
      {
        kind: 'calendar#event',
        etag: `"${Date.now()}"`,
        id,
        status: 'confirmed',
        htmlLink: `https://www.google.com/calendar/event?eid=${id}`,
        created: now,
        updated: now,
        iCalUID: `${id}@google.com`,
        organizer: { email: owner, self: true },
        creator: { email: owner, self: true },
        eventType: 'default',
        ...body,
        attendees: body.attendees?.map((a) => ({
          responseStatus: 'needsAction',
          ...a,
          ...(a.email === owner ? { self: true } : {}),
        })),
      },
      req.query.conferenceDataVersion,
    );
    cal.events.push(event);
    res.json(event);
    void state.calendarPush.notify(grantOf(res).sub, cal.entry.id ?? '');
  });

  const change = (replace: boolean) => (req: express.Request, res: Response) => {
    const cal = findCalendar(state, req, res);
    const event = cal && eventOf(cal, res, String(req.params.eventId));
    if (!cal || !event) return;
    const { attendeesOmitted, ...body } = req.body as Event;
    // attendeesOmitted: the attendees sent are only those to change (Google's way for a guest to
    // answer), matched by email; everyone else stays as stored.
    if (attendeesOmitted && body.attendees) {
      const changes = new Map(body.attendees.map((a) => [a.email?.toLowerCase(), a]));
      body.attendees = (event.attendees ?? []).map((a) => ({ ...a, ...changes.get(a.email?.toLowerCase()) }));
    }
    // Patch merges top-level fields (arrays such as attendees are replaced whole); update replaces.
    const next: Event = replace
      ? {
          ...body,
          id: event.id,
          kind: event.kind,
          htmlLink: event.htmlLink,
          organizer: event.organizer,
          created: event.created,
          iCalUID: event.iCalUID,
        }
      : { ...event, ...body };
    const problem = timesProblem(next, cal.entry.timeZone ?? 'UTC');
    if (problem) return googleError(res, 400, problem, 'invalid');
    Object.assign(event, withConference(next, req.query.conferenceDataVersion), {
      updated: new Date().toISOString(),
      etag: `"${Date.now()}"`,
    });
    res.json(event);
    void state.calendarPush.notify(grantOf(res).sub, cal.entry.id ?? '');
  };
  router.patch('/calendar/v3/calendars/:calendarId/events/:eventId', write, change(false));
  router.put('/calendar/v3/calendars/:calendarId/events/:eventId', write, change(true));

  router.delete('/calendar/v3/calendars/:calendarId/events/:eventId', write, (req, res) => {
    const cal = findCalendar(state, req, res);
    const event = cal && eventOf(cal, res, String(req.params.eventId));
    if (!event) return;
    event.status = 'cancelled';
    res.status(204).end();
    if (cal) void state.calendarPush.notify(grantOf(res).sub, cal.entry.id ?? '');
  });

  router.post('/calendar/v3/freeBusy', requireScopes(state, FREEBUSY_READ), (req, res) => {
    const { timeMin, timeMax, items } = req.body as calendar_v3.Schema$FreeBusyRequest;
    if (!timeMin || !timeMax || !RFC3339_WITH_OFFSET.test(timeMin) || !RFC3339_WITH_OFFSET.test(timeMax)) {
      return googleError(res, 400, 'Bad Request', 'badRequest');
    }
    const min = Date.parse(timeMin);
    const max = Date.parse(timeMax);
    const sub = grantOf(res).sub;
    const calendars = state.dataFor(sub).calendars;
    const answer: Record<string, calendar_v3.Schema$FreeBusyCalendar> = {};
    for (const [index, { id }] of (items ?? []).entries()) {
      // Google answers free/busy for at most 50 calendars per query (calendarExpansionMax).
      if (index >= 50) {
        answer[id ?? ''] = {
          errors: [{ domain: 'usageLimits', reason: 'tooManyCalendarsRequested' }],
          busy: [],
        };
        continue;
      }
      const cal =
        calendars.get(id ?? '') ??
        [...calendars.values()].find((c) => c.entry.id === id) ??
        sharedPrimary(state, sub, id ?? '');
      if (!cal) {
        answer[id ?? ''] = { errors: [{ domain: 'global', reason: 'notFound' }], busy: [] };
        continue;
      }
      const zone = cal.entry.timeZone ?? 'UTC';
      const spans = cal.events
        // Free/busy ignores cancelled and "show as available" events, and ones the owner declined.
        .filter((e) => e.status !== 'cancelled' && e.transparency !== 'transparent')
        .filter((e) => !e.attendees?.some((a) => a.self && a.responseStatus === 'declined'))
        .map((e) => [Math.max(instantOf(e.start, zone), min), Math.min(instantOf(e.end, zone), max)])
        .filter(([s, e]) => s < e)
        .sort((a, b) => a[0] - b[0]);
      const merged: number[][] = [];
      for (const span of spans) {
        const last = merged.at(-1);
        if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
        else merged.push([...span]);
      }
      answer[id ?? ''] = {
        busy: merged.map(([s, e]) => ({ start: new Date(s).toISOString(), end: new Date(e).toISOString() })),
      };
    }
    res.json({ kind: 'calendar#freeBusy', timeMin, timeMax, calendars: answer });
  });

  return router;
}
