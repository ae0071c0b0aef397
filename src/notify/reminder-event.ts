import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import type { User } from '../../models';
import { myResponseOf } from '../calendar/google-event';
import { parseLocal } from '../time/zone';
import { noticeEvent, readEvent } from './google-event';
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

function instant(t: calendar_v3.Schema$EventDateTime | undefined): Date | null {
  if (!t?.dateTime) return null;
  return parseLocal(t.dateTime, t.timeZone ?? 'UTC');
}

/** A Google event as the reminder rules and the notice see it. */
export function eventAtSend(e: calendar_v3.Schema$Event, eventId: string): EventAtSend {
  const start = instant(e.start);
  const end = instant(e.end) ?? start;
  return {
    facts: {
      status: (e.status as ReminderFacts['status']) ?? 'confirmed',
      start,
      allDay: !!e.start?.date && !e.start.dateTime,
      eventType: e.eventType ?? 'default',
      response: myResponseOf(e),
    },
    notice: { ...noticeEvent(e, { start: start ?? new Date(0), end: end ?? new Date(0) }), eventId },
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
  const e = await readEvent(apis.calendar(), eventId, signal);
  return e ? eventAtSend(e, eventId) : null;
}
