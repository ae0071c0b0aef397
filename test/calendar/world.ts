import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import type { CalendarChangeBatch } from '../../src/calendar/feed';
import { seedEvent } from '../fakes/google/seed';
import type { FakeGoogle } from '../fakes/google/server';
import type { FakeAccount, RecordedRequest } from '../fakes/google/state';
import type { FakeSlack } from '../fakes/slack/server';
import type { TestDatabase } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';
import { type ConnectedUser, connectSlackUser } from '../helpers/users';

export const EVENTS_PATH = '/calendar/v3/calendars/primary/events';

/** One clock for Lume (every instance) and the fake Google's channel expirations. */
export class Clock {
  constructor(public t: Date) {}
  now = () => this.t;
  advance(ms: number): Date {
    this.t = new Date(this.t.getTime() + ms);
    return this.t;
  }
  /** An RFC 3339 instant `minutes` from now. */
  in(minutes: number): string {
    return new Date(this.t.getTime() + minutes * 60_000).toISOString();
  }
}

export interface CalendarWorld {
  t: TestServer;
  clock: Clock;
  /** Every batch ctx.calendar emitted on this instance, in order. */
  batches: CalendarChangeBatch[];
  /** Link a Slack user to a Google account as the OAuth callback does, announcing it to the link hooks. */
  link(slackUserId: string, account: FakeAccount): Promise<ConnectedUser>;
  /** A timed event on the account's primary calendar, `from`–`to` minutes from now. */
  seed(
    account: FakeAccount,
    from: number,
    to: number,
    extra?: calendar_v3.Schema$Event,
  ): calendar_v3.Schema$Event;
  /** Calendar sync's events.list calls so far (the agenda's reads, which have a timeMax, left out). */
  syncCalls(): RecordedRequest[];
  close(): Promise<void>;
}

let nextSub = 900_000;
export const account = (name: string): FakeAccount => ({
  sub: String(++nextSub),
  email: `${name}@example.com`,
  name,
});

export async function calendarWorld(
  o: {
    env?: Record<string, string>;
    clock?: Clock;
    google?: FakeGoogle;
    slack?: FakeSlack;
    database?: TestDatabase;
  } = {},
): Promise<CalendarWorld> {
  const clock = o.clock ?? new Clock(new Date('2026-03-10T09:00:00Z'));
  const t = await startTestServer({
    now: clock.now,
    google: o.google,
    slack: o.slack,
    database: o.database,
    env: { CALENDAR_PUSH: 'off', ...o.env },
  });
  t.google.state.calendarPush.clock = () => clock.t.getTime();
  const batches: CalendarChangeBatch[] = [];
  t.ctx.calendar.onChanges(async (b) => {
    batches.push(b);
  });
  return {
    t,
    clock,
    batches,
    async link(slackUserId, acct) {
      t.slack.state.addUser({ id: slackUserId, name: slackUserId.toLowerCase(), tz: 'Europe/Berlin' });
      const linked = await connectSlackUser(t.ctx, t.google, { slackUserId, account: acct });
      await t.ctx.hooks.emitAccountLinked({ user: linked.user, teamId: t.who.teamId, slackUserId });
      // The hook starts sync without holding up the other listeners: wait for its job.
      const key = `calendar-sync:${linked.user.id}`;
      for (let i = 0; i < 200 && !(await t.ctx.db.models.Job.count({ where: { uniqueKey: key } })); i++)
        await new Promise((r) => setTimeout(r, 10));
      if (o.env?.CALENDAR_PUSH === 'on')
        for (
          let i = 0;
          i < 200 &&
          !(await t.ctx.db.models.Job.count({ where: { uniqueKey: `calendar-watch:${linked.user.id}` } }));
          i++
        )
          await new Promise((r) => setTimeout(r, 10));
      return linked;
    },
    seed(acct, from, to, extra = {}) {
      if (!t.google.state.accounts.has(acct.sub)) t.google.state.addAccount(acct);
      return seedEvent(t.google.state, acct.sub, {
        summary: 'Planning',
        start: { dateTime: clock.in(from) },
        end: { dateTime: clock.in(to) },
        ...extra,
      });
    },
    syncCalls: () =>
      t.google.state.requestsTo(EVENTS_PATH, 'GET').filter((r) => r.query.timeMax === undefined),
    close: () => t.close(),
  };
}

/** The fake account's primary calendar events, to edit in place as Google would. */
export function eventsOf(w: CalendarWorld, acct: FakeAccount): calendar_v3.Schema$Event[] {
  const cal = w.t.google.state.dataFor(acct.sub).calendars.get('primary');
  if (!cal) throw new Error('no primary calendar');
  return cal.events;
}

/** Change an event the way Google does (a new `updated`, a new etag). */
export function edit(event: calendar_v3.Schema$Event, patch: calendar_v3.Schema$Event, at: Date): void {
  Object.assign(event, patch, { updated: at.toISOString(), etag: `"${at.getTime()}"` });
}
