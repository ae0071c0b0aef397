import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import type { CalendarEventState, MyResponse } from '../../src/calendar/feed';
import type { AppContext } from '../../src/context';
import { seedEvent } from '../fakes/google/seed';
import type { FakeGoogle } from '../fakes/google/server';
import { storeAsSync } from './calendar-row';

type Event = calendar_v3.Schema$Event;

/**
 * Calendar sync as the reminder specs need it, until the real sync (src/calendar, another branch)
 * lands: the event goes into the fake Google (where the send jobs read it) and its scheduling facts
 * into calendar_events, and the batch is emitted as sync emits it. Once sync is merged, a spec can
 * call the real sync instead of `emit` without changing anything else.
 */
export interface CalendarDriver {
  /** Create or change an event (same id: a change) and announce it; returns Google's copy. */
  put(event: Event & { id: string }, o?: { initial?: boolean }): Promise<Event>;
  /** Cancel (Google keeps cancelled events, with status cancelled) and announce it. */
  cancel(eventId: string): Promise<void>;
}

function responseOf(e: Event): MyResponse {
  const me = e.attendees?.find((a) => a.self);
  if (me?.responseStatus === 'declined') return 'declined';
  if (e.organizer?.self !== false || !me) return 'organizer';
  return (me.responseStatus as MyResponse) ?? 'needsAction';
}

function stateOf(userId: string, e: Event): CalendarEventState {
  const allDay = !!e.start?.date;
  return {
    userId,
    eventId: e.id as string,
    status: (e.status as CalendarEventState['status']) ?? 'confirmed',
    start: allDay ? null : new Date(e.start?.dateTime as string),
    end: allDay ? null : new Date(e.end?.dateTime as string),
    allDay,
    eventType: e.eventType ?? 'default',
    response: responseOf(e),
    organizerSelf: e.organizer?.self !== false,
    updatedAt: e.updated ? new Date(e.updated) : null,
  };
}

export function calendarDriver(
  ctx: AppContext,
  google: FakeGoogle,
  o: { sub: string; userId: string },
): CalendarDriver {
  const events = () => google.state.dataFor(o.sub).calendars.get('primary')?.events ?? [];
  const announce = async (e: Event, initial: boolean) => {
    const after = stateOf(o.userId, e);
    const before = await storeAsSync(ctx.db.models, after);
    await ctx.calendar.emit({ userId: o.userId, changes: [{ before, after }], initial, at: ctx.now() });
  };
  return {
    async put(event, po = {}) {
      const list = events();
      const at = list.findIndex((e) => e.id === event.id);
      const updated = ctx.now().toISOString();
      let stored: Event;
      if (at >= 0) {
        stored = { ...list[at], ...event, updated };
        list[at] = stored;
      } else stored = seedEvent(google.state, o.sub, { ...event, updated });
      await announce(stored, po.initial ?? false);
      return stored;
    },
    async cancel(eventId) {
      const e = events().find((x) => x.id === eventId);
      if (!e) throw new Error(`no event ${eventId}`);
      e.status = 'cancelled';
      e.updated = ctx.now().toISOString();
      await announce(e, false);
    },
  };
}
