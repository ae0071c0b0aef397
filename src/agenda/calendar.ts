import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import type { GoogleApis } from '../google/apis';
import { addDays } from '../time/zone';
import { AGENDA_CALL, type AgendaRead } from './request-options';
import type { AgendaEvent } from './types';

export interface DayWindow {
  date: string;
  start: Date;
  end: Date;
  timeZone: string;
}

const isHttp = (u: string | null | undefined): u is string => !!u && /^https?:\/\//i.test(u);

/** Where Zoom, Teams, Webex & co. host their calls: a link to one of these in `location` is a join link. */
const VIDEO_HOST =
  /(^|\.)(zoom\.us|zoomgov\.com|teams\.microsoft\.com|teams\.live\.com|meet\.google\.com|webex\.com|whereby\.com|gotomeeting\.com|meet\.goto\.com|chime\.aws|bluejeans\.com|meet\.jit\.si)$/i;

/** The first http(s) URL in free text (Slack's own link syntax characters end it). */
const URL_IN_TEXT = /https?:\/\/[^\s<>|"]+/i;

function videoUrlIn(location: string | null | undefined): string | undefined {
  const url = location ? URL_IN_TEXT.exec(location)?.[0] : undefined;
  if (!url) return undefined;
  try {
    return VIDEO_HOST.test(new URL(url).hostname) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The link people click to join: Meet's hangoutLink, else the conference's video entry point, else
 * a Zoom/Teams/… link pasted into the location (how most non-Google invitations carry it).
 */
export function joinUrlOf(e: calendar_v3.Schema$Event): string | undefined {
  if (isHttp(e.hangoutLink)) return e.hangoutLink;
  const video = e.conferenceData?.entryPoints?.find((p) => p.entryPointType === 'video');
  return isHttp(video?.uri) ? video.uri : videoUrlIn(e.location);
}

const myAttendance = (e: calendar_v3.Schema$Event) => e.attendees?.find((a) => a.self)?.responseStatus;

/** One Google event as an agenda line, or null when it does not belong on today's card. */
export function toAgendaEvent(e: calendar_v3.Schema$Event, day: DayWindow): AgendaEvent | null {
  const mine = myAttendance(e);
  if (e.status === 'cancelled' || mine === 'declined') return null;
  const joinUrl = joinUrlOf(e);
  const location = e.location?.trim() || undefined;
  const base = {
    title: e.summary?.trim() || '(no title)',
    // A location that is nothing but the join link would show the same URL twice.
    location: location && location !== joinUrl ? location : undefined,
    joinUrl,
    htmlLink: e.htmlLink ?? undefined,
    ...(e.visibility === 'private' || e.visibility === 'confidential' ? { private: true } : {}),
    ...((e.attendees?.length ?? 0) > 1 && !e.description?.trim() ? { noAgenda: true } : {}),
    ...(mine === 'tentative' || mine === 'needsAction'
      ? { myResponse: mine as AgendaEvent['myResponse'] }
      : {}),
  };
  if (e.start?.date) {
    // All-day: dates, end exclusive. Compare dates, not instants: a date has no zone, so yesterday's
    // all-day event must not leak into today because the calendar sits in another zone.
    const first = e.start.date;
    const endExclusive = e.end?.date && e.end.date > first ? e.end.date : addDays(first, 1);
    return first <= day.date && day.date < endExclusive ? { ...base, allDay: true } : null;
  }
  if (!e.start?.dateTime) return null;
  const start = new Date(e.start.dateTime);
  const end = new Date(e.end?.dateTime ?? e.start.dateTime);
  if (end <= day.start || start >= day.end) return null;
  return {
    ...base,
    allDay: false,
    start,
    end,
    startedEarlier: start < day.start,
    endsLater: end > day.end,
  };
}

/** Today's events on the primary calendar, all-day first, then by start time. */
export async function fetchEvents(
  apis: GoogleApis,
  day: DayWindow,
  read: AgendaRead,
): Promise<AgendaEvent[]> {
  const calendar = apis.calendar();
  const res = await read(() =>
    calendar.events.list(
      {
        calendarId: 'primary',
        timeMin: day.start.toISOString(),
        timeMax: day.end.toISOString(),
        timeZone: day.timeZone,
        singleEvents: true,
        orderBy: 'startTime',
        maxResults: 100,
      },
      AGENDA_CALL,
    ),
  );
  const events = (res.data.items ?? [])
    .map((e) => toAgendaEvent(e, day))
    .filter((e): e is AgendaEvent => e !== null);
  return events.sort((a, b) => {
    if (a.allDay !== b.allDay) return a.allDay ? -1 : 1;
    return (a.start?.getTime() ?? 0) - (b.start?.getTime() ?? 0);
  });
}
