import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import { z } from 'zod';
import { SCOPES } from '../../google/scopes';
import { addDays, parseLocal, toLocalIso } from '../../time/zone';
import { humanClock, humanDate, humanTime } from './time';

type Event = calendar_v3.Schema$Event;

export const CALENDAR_READ_SCOPES = [SCOPES.calendar, SCOPES.calendarEvents, SCOPES.calendarReadonly];
export const CALENDAR_WRITE_SCOPES = [SCOPES.calendar, SCOPES.calendarEvents];

export const calendarIdField = z
  .string()
  .optional()
  .describe("Calendar id from list_calendars; omit for the user's primary calendar.");

export const eventIdField = z.string().min(1).describe('Event id from list_events; never guess it.');

/** Start and end in the user's zone: ISO with offset for timed events, dates for all-day ones (end inclusive). */
export function eventTimes(e: Event, timeZone: string) {
  if (e.start?.date) {
    const lastDay = e.end?.date ? addDays(e.end.date, -1) : e.start.date;
    return { allDay: true, start: e.start.date, end: lastDay };
  }
  const at = (t: calendar_v3.Schema$EventDateTime | undefined) =>
    t?.dateTime ? toLocalIso(parseLocal(t.dateTime, t.timeZone ?? timeZone), timeZone) : undefined;
  return { allDay: false, start: at(e.start ?? undefined), end: at(e.end ?? undefined) };
}

/** "Thu, May 2, 2024, 3:00 PM PDT – 4:00 PM PDT", across days both in full, or "Fri, May 3, 2024 (all day)". */
export function humanEventTime(e: Event, timeZone: string): string {
  const t = eventTimes(e, timeZone);
  if (t.allDay)
    return t.start === t.end
      ? `${humanDate(t.start ?? '')} (all day)`
      : `${humanDate(t.start ?? '')} – ${humanDate(t.end ?? '')} (all day)`;
  const start = parseLocal(t.start ?? '', timeZone);
  const end = parseLocal(t.end ?? '', timeZone);
  const sameDay = t.start?.slice(0, 10) === t.end?.slice(0, 10);
  return `${humanTime(start, timeZone)} – ${sameDay ? humanClock(end, timeZone) : humanTime(end, timeZone)}`;
}

/** The fields of summarizeEvent that are Google's own links (Calendar's page, the Meet or conference link). */
export const EVENT_LINK_FIELDS = ['htmlLink', 'meetLink'] as const;

/**
 * Which occurrences a change to `e` touches, in words for the card — as the API does it: an id from
 * list_events (singleEvents) is one occurrence, and patching or deleting it leaves the others alone;
 * the series' own id changes every occurrence, past and future. Undefined for a one-off event.
 */
export function occurrencesTouched(e: Event, timeZone: string): string | undefined {
  if (e.recurringEventId)
    return `Only this occurrence (${humanEventTime(e, timeZone)}) of a recurring event; the other occurrences stay as they are.`;
  if (e.recurrence?.length)
    return 'Every occurrence of this recurring event — the whole series, past and future ones included.';
  return undefined;
}

/** The guests Google will tell about a change (everyone but the person), as card fields, with the count. */
export function guestsTold(
  guests: { email?: string | null; self?: boolean | null; displayName?: string | null }[],
  emailed: boolean,
  what: string,
): { label: string; value: string }[] {
  const others = guests.filter((g) => !g.self && g.email);
  if (!others.length) return [];
  return [
    {
      label: `Guests (${others.length})`,
      value: others
        .map((g) => (g.displayName ? `${g.displayName} <${g.email}>` : (g.email ?? '')))
        .join(', '),
    },
    {
      label: 'Notifications',
      value: emailed ? `Google emails each of them ${what}` : 'Google does not email them',
    },
  ];
}

export const meetLinkOf = (e: Event) =>
  e.hangoutLink ?? e.conferenceData?.entryPoints?.find((p) => p.entryPointType === 'video')?.uri ?? undefined;

/** What the model sees of an event: compact, times local, links only those the event itself carries. */
export function summarizeEvent(e: Event, timeZone: string, descriptionChars = 300) {
  const self = e.attendees?.find((a) => a.self);
  const description = e.description ?? '';
  return {
    id: e.id,
    title: e.summary ?? '(no title)',
    ...eventTimes(e, timeZone),
    ...(e.location ? { location: e.location } : {}),
    ...(meetLinkOf(e) ? { meetLink: meetLinkOf(e) } : {}),
    ...(e.organizer?.email ? { organizer: e.organizer.email } : {}),
    ...(self?.responseStatus ? { myResponse: self.responseStatus } : {}),
    ...(e.attendees?.length
      ? {
          attendees: e.attendees.slice(0, 25).map((a) => ({
            email: a.email,
            ...(a.displayName ? { name: a.displayName } : {}),
            response: a.responseStatus,
          })),
          ...(e.attendees.length > 25 ? { moreAttendees: e.attendees.length - 25 } : {}),
        }
      : {}),
    ...(description
      ? {
          description:
            description.length > descriptionChars
              ? `${description.slice(0, descriptionChars)}…`
              : description,
        }
      : {}),
    ...(e.recurringEventId ? { recurring: true } : {}),
    ...(e.status && e.status !== 'confirmed' ? { status: e.status } : {}),
    htmlLink: e.htmlLink,
  };
}

/** An event time for Google: dateTime with the user's offset and zone, or an all-day date. */
export function toEventDateTime(local: string, timeZone: string): calendar_v3.Schema$EventDateTime {
  return { dateTime: toLocalIso(parseLocal(local, timeZone), timeZone), timeZone };
}
