import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import type { CalendarChangeBatch, CalendarEventState, MyResponse } from '../../src/calendar/feed';
import type { AppContext } from '../../src/context';
import { seedEvent } from '../fakes/google/seed';
import type { FakeGoogle } from '../fakes/google/server';
import { storeAsSync } from './calendar-row';

type Event = calendar_v3.Schema$Event;

/**
 * Calendar changes the way sync makes them, without sync (built on its own branch): the event is put
 * in (or changed in) the fake Google, its calendar_events row written as sync writes it, and the
 * change emitted on ctx.calendar. Specs then run the job engine.
 */
export class CalendarWorld {
  constructor(
    private readonly o: {
      ctx: () => AppContext;
      google: FakeGoogle;
      sub: string;
      userId: string;
      email: string;
    },
  ) {}

  /** An invitation from `organizer` (the person an unanswered guest among others). */
  invite(e: {
    id: string;
    summary: string;
    start: Date;
    end: Date;
    organizer?: { email: string; displayName?: string };
    response?: string;
  }): Event {
    const organizer = e.organizer ?? { email: 'grace@example.com', displayName: 'Grace Hopper' };
    return seedEvent(this.o.google.state, this.o.sub, {
      id: e.id,
      summary: e.summary,
      start: { dateTime: e.start.toISOString() },
      end: { dateTime: e.end.toISOString() },
      organizer,
      creator: organizer,
      attendees: [
        {
          email: organizer.email,
          displayName: organizer.displayName,
          organizer: true,
          responseStatus: 'accepted',
        },
        { email: this.o.email, self: true, responseStatus: e.response ?? 'needsAction' },
        { email: 'linus@example.com', responseStatus: 'tentative' },
      ],
    });
  }

  /** One of the person's own events. */
  own(e: { id: string; summary: string; start: Date; end: Date }): Event {
    return seedEvent(this.o.google.state, this.o.sub, {
      id: e.id,
      summary: e.summary,
      start: { dateTime: e.start.toISOString() },
      end: { dateTime: e.end.toISOString() },
    });
  }

  event(id: string): Event {
    const e = this.o.google.state
      .dataFor(this.o.sub)
      .calendars.get('primary')
      ?.events.find((x) => x.id === id);
    if (!e) throw new Error(`no fake event ${id}`);
    return e;
  }

  /** Change an event in Google as its organiser (or Google) would: a new `updated`. */
  change(id: string, change: (e: Event) => void): Event {
    const e = this.event(id);
    change(e);
    e.updated = new Date(Date.parse(e.updated ?? '') + 1000 + Math.floor(Math.random() * 1000)).toISOString();
    return e;
  }

  /** The person's answer as sync derives it from the event. */
  stateOf(e: Event): CalendarEventState {
    const self = e.attendees?.find((a) => a.self);
    const organizerSelf = !!e.organizer?.self || !e.attendees?.length;
    return {
      userId: this.o.userId,
      eventId: e.id ?? '',
      status: (e.status as CalendarEventState['status']) ?? 'confirmed',
      start: e.start?.dateTime ? new Date(e.start.dateTime) : null,
      end: e.end?.dateTime ? new Date(e.end.dateTime) : null,
      allDay: !e.start?.dateTime,
      eventType: e.eventType ?? 'default',
      response: (organizerSelf ? 'organizer' : (self?.responseStatus ?? 'needsAction')) as MyResponse,
      organizerSelf,
      updatedAt: e.updated ? new Date(e.updated) : null,
    };
  }

  /** What sync does after reading these events: store each row, then emit one batch of what changed. */
  async sync(ids: string[], o: { initial?: boolean } = {}): Promise<CalendarChangeBatch> {
    const ctx = this.o.ctx();
    const changes = [];
    for (const id of ids) {
      const after = this.stateOf(this.event(id));
      const before = await storeAsSync(ctx.db.models, after);
      changes.push({ before, after });
    }
    const batch = { userId: this.o.userId, changes, initial: !!o.initial, at: ctx.now() };
    await ctx.calendar.emit(batch);
    return batch;
  }
}
