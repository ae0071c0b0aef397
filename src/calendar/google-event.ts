import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import type { CalendarEventState, MyResponse } from './feed';

type GoogleEvent = calendar_v3.Schema$Event;

const RESPONSES = new Set<MyResponse>(['accepted', 'tentative', 'needsAction', 'declined']);
const STATUSES = new Set(['confirmed', 'tentative', 'cancelled']);

/**
 * The person's answer, the one reading of it (sync stores it, send-time checks re-read it): a decline
 * stands whoever organises; theirs when they organise it (or nobody is invited), else their own
 * attendee entry's. On an event that reached their calendar without naming them (a group
 * invitation), they have not answered.
 */
export function myResponseOf(e: GoogleEvent): MyResponse {
  const mine = e.attendees?.find((a) => a.self)?.responseStatus as MyResponse | undefined;
  if (mine === 'declined') return 'declined';
  if (e.organizer?.self || !e.attendees?.length) return 'organizer';
  return mine && RESPONSES.has(mine) ? mine : 'needsAction';
}

const instant = (t: calendar_v3.Schema$EventDateTime | undefined) => {
  const ms = t?.dateTime ? Date.parse(t.dateTime) : Number.NaN;
  return Number.isNaN(ms) ? null : new Date(ms);
};

/**
 * One event as Google sent it, as the scheduling facts Lume keeps. A deleted event arrives from an
 * incremental sync as little more than `{id, status: 'cancelled'}`: it keeps what was stored, with
 * the new status. Null for a deletion of something Lume never stored (nothing to say about it).
 */
export function eventStateOf(
  userId: string,
  e: GoogleEvent,
  before: CalendarEventState | null,
): CalendarEventState | null {
  const eventId = e.id ?? '';
  if (e.status === 'cancelled') return before ? { ...before, status: 'cancelled' } : null;
  const allDay = !!e.start?.date && !e.start?.dateTime;
  const start = allDay ? null : instant(e.start ?? undefined);
  const end = allDay ? null : instant(e.end ?? undefined);
  // A timed event without readable times cannot be planned around; treat it as gone.
  if (!allDay && (!start || !end)) return before ? { ...before, status: 'cancelled' } : null;
  return {
    userId,
    eventId,
    status: (STATUSES.has(e.status ?? '') ? e.status : 'confirmed') as CalendarEventState['status'],
    start,
    end,
    allDay,
    eventType: e.eventType ?? 'default',
    response: myResponseOf(e),
    organizerSelf: !!e.organizer?.self,
    updatedAt: e.updated ? new Date(e.updated) : null,
  };
}

const time = (d: Date | null) => d?.getTime() ?? null;

/** Whether two states differ in anything scheduling reads (Google's `updated` alone does not count). */
export function schedulingChanged(a: CalendarEventState | null, b: CalendarEventState): boolean {
  if (!a) return true;
  return (
    a.status !== b.status ||
    time(a.start) !== time(b.start) ||
    time(a.end) !== time(b.end) ||
    a.allDay !== b.allDay ||
    a.eventType !== b.eventType ||
    a.response !== b.response ||
    a.organizerSelf !== b.organizerSelf
  );
}
