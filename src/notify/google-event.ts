import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import type { User } from '../../models';
import { joinUrlOf } from '../agenda/calendar';
import { ownAttendee } from '../google/calendar-answer';
import { httpStatusOf } from '../google/errors';
import { parseLocal } from '../time/zone';
import type { NotifyDeps } from './deps';
import type { NoticeEvent } from './notices';

export type GoogleEvent = calendar_v3.Schema$Event;

/** The person's primary calendar client; null when the account is no longer connected. */
export async function calendarOf(
  ctx: NotifyDeps,
  userId: string,
): Promise<{ user: User; calendar: calendar_v3.Calendar } | null> {
  const user = await ctx.db.models.User.findByPk(userId);
  if (user?.status !== 'connected' || !user.refreshTokenEnc) return null;
  const { apis } = await ctx.google.forUser(user);
  return { user, calendar: apis.calendar() };
}

/** Google answers a single read quickly or not at all; the job retries a timeout. */
const READ_TIMEOUT_MS = 10_000;

/** events.get on the primary calendar at send time; null when Google no longer has it (404 / 410). */
export async function readEvent(
  calendar: calendar_v3.Calendar,
  eventId: string,
  signal?: AbortSignal,
): Promise<GoogleEvent | null> {
  try {
    return (
      await calendar.events.get({ calendarId: 'primary', eventId }, { signal, timeout: READ_TIMEOUT_MS })
    ).data;
  } catch (err) {
    const status = httpStatusOf(err);
    if (status === 404 || status === 410) return null;
    throw err;
  }
}

/** An event's instants: timed events as written (their zone), all-day ones at the person's local midnights. */
export function eventSpan(
  e: GoogleEvent,
  timeZone: string,
): { start: Date; end: Date; allDay: boolean } | null {
  const at = (t: calendar_v3.Schema$EventDateTime | undefined) => {
    if (t?.dateTime) return parseLocal(t.dateTime, t.timeZone ?? timeZone);
    if (t?.date) return parseLocal(t.date, timeZone);
    return null;
  };
  const start = at(e.start ?? undefined);
  const end = at(e.end ?? undefined);
  if (!start || !end || Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return null;
  return { start, end, allDay: !e.start?.dateTime };
}

/**
 * What a notice shows of an event, read from Google now (titles are never stored) — the one builder
 * for reminders, leave-now, invitations and change notices. The join link as the agenda finds it
 * (Meet, a conference entry point, a Zoom/Teams/Webex link in the location), else one pasted into the
 * description (many invitations from outside Google do that).
 */
export function noticeEvent(e: GoogleEvent, span: { start: Date; end: Date }): NoticeEvent {
  const joinUrl = joinUrlOf(e) ?? joinUrlOf({ location: e.description }) ?? null;
  const location = e.location?.trim() || null;
  return {
    eventId: e.id ?? '',
    title: e.summary?.trim() || '(no title)',
    start: span.start,
    end: span.end,
    // A location that is nothing but the join link would show the same URL twice.
    location: location && location !== joinUrl ? location : null,
    joinUrl,
    htmlLink: e.htmlLink ?? null,
  };
}

/** Who sent it, as Google names them. */
export const organizerOf = (e: GoogleEvent): string =>
  e.organizer?.displayName?.trim() || e.organizer?.email || 'someone';

/** Whether the person is a guest of this event who has not answered it (and it still stands). */
export function isOpenInvitation(e: GoogleEvent, email: string): boolean {
  if (e.status === 'cancelled' || e.organizer?.self) return false;
  const own = ownAttendee(e, email);
  return !!own && !own.organizer && (own.responseStatus ?? 'needsAction') === 'needsAction';
}
