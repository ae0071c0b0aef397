import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import type { User } from '../../models';
import { joinUrlOf } from '../agenda/calendar';
import type { MyResponse } from '../calendar/feed';
import { httpStatusOf } from '../google/errors';
import { parseLocal } from '../time/zone';
import type { NoticeEvent } from './notices';
import type { ReminderDeps } from './reminder-deps';
import type { ReminderFacts } from './reminder-rules';

/** What the send jobs read from Google at send time: the rules' facts and what the DM shows. */
export interface EventAtSend {
  facts: ReminderFacts;
  notice: NoticeEvent;
  /** Google's `updated`, carried by RSVP buttons. */
  updated: string | null;
}

/** Google answers a single read quickly or not at all; the job retries a timeout. */
const READ_TIMEOUT_MS = 10_000;

/** The person's own answer, as calendar sync stores it: organiser (or no guests), else their attendee entry. */
export function myResponseOf(e: calendar_v3.Schema$Event): MyResponse {
  const me = e.attendees?.find((a) => a.self);
  if (me?.responseStatus === 'declined') return 'declined';
  if (e.organizer?.self || !me) return 'organizer';
  const r = me.responseStatus;
  return r === 'accepted' || r === 'tentative' ? r : 'needsAction';
}

function instant(t: calendar_v3.Schema$EventDateTime | undefined): Date | null {
  if (!t?.dateTime) return null;
  return parseLocal(t.dateTime, t.timeZone ?? 'UTC');
}

/** A Google event as the reminder rules and the notice see it. */
export function eventAtSend(e: calendar_v3.Schema$Event, eventId: string): EventAtSend {
  const start = instant(e.start);
  const end = instant(e.end) ?? start;
  // A Zoom link pasted into the description (many invitations from outside Google do that).
  const joinUrl = joinUrlOf(e) ?? joinUrlOf({ location: e.description }) ?? null;
  const location = e.location?.trim() || null;
  return {
    facts: {
      status: (e.status as ReminderFacts['status']) ?? 'confirmed',
      start,
      allDay: !!e.start?.date && !e.start.dateTime,
      eventType: e.eventType ?? 'default',
      response: myResponseOf(e),
    },
    notice: {
      eventId,
      title: e.summary?.trim() || '(no title)',
      start: start ?? new Date(0),
      end: end ?? new Date(0),
      // A location that is nothing but the join link would show the same URL twice.
      location: location && location !== joinUrl ? location : null,
      joinUrl,
      htmlLink: e.htmlLink ?? null,
    },
    updated: e.updated ?? null,
  };
}

/**
 * The event as Google has it now; null when it is gone (404, 410). Revocation and other failures
 * are thrown for the job to sort (a revoked grant is discarded, the rest retried).
 */
export async function readEventAtSend(
  ctx: Pick<ReminderDeps, 'google'>,
  user: User,
  eventId: string,
  signal: AbortSignal,
): Promise<EventAtSend | null> {
  const { apis } = await ctx.google.forUser(user);
  try {
    const res = await apis
      .calendar()
      .events.get({ calendarId: 'primary', eventId }, { signal, timeout: READ_TIMEOUT_MS });
    return eventAtSend(res.data, eventId);
  } catch (err) {
    const status = httpStatusOf(err);
    if (status === 404 || status === 410) return null;
    throw err;
  }
}
