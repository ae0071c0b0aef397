import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import type { GoogleApis } from '../../google/apis';
import { addDays } from '../../time/zone';
import { AGENDA_CALL } from './request-options';
import type { AgendaEvent } from './types';

export interface DayWindow {
  date: string;
  start: Date;
  end: Date;
  timeZone: string;
}

const isHttp = (u: string | null | undefined): u is string => !!u && /^https?:\/\//i.test(u);

/** The link people click to join: Meet's hangoutLink, else the conference's video entry point. */
export function joinUrlOf(e: calendar_v3.Schema$Event): string | undefined {
  if (isHttp(e.hangoutLink)) return e.hangoutLink;
  const video = e.conferenceData?.entryPoints?.find((p) => p.entryPointType === 'video');
  return isHttp(video?.uri) ? video.uri : undefined;
}

function declinedByMe(e: calendar_v3.Schema$Event): boolean {
  return !!e.attendees?.some((a) => a.self && a.responseStatus === 'declined');
}

/** One Google event as an agenda line, or null when it does not belong on today's card. */
export function toAgendaEvent(e: calendar_v3.Schema$Event, day: DayWindow): AgendaEvent | null {
  if (e.status === 'cancelled' || declinedByMe(e)) return null;
  const base = {
    title: e.summary?.trim() || '(no title)',
    location: e.location?.trim() || undefined,
    joinUrl: joinUrlOf(e),
    htmlLink: e.htmlLink ?? undefined,
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
export async function fetchEvents(apis: GoogleApis, day: DayWindow): Promise<AgendaEvent[]> {
  const res = await apis.calendar().events.list(
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
  );
  const events = (res.data.items ?? [])
    .map((e) => toAgendaEvent(e, day))
    .filter((e): e is AgendaEvent => e !== null);
  return events.sort((a, b) => {
    if (a.allDay !== b.allDay) return a.allDay ? -1 : 1;
    return (a.start?.getTime() ?? 0) - (b.start?.getTime() ?? 0);
  });
}
