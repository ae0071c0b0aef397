import { dmChannelOf } from '../fakes/slack/methods';
import type { FakeMessage } from '../fakes/slack/state';
import { type CalendarDriver, calendarDriver } from '../helpers/calendar-events';
import { startTestServer, type TestServer, type TestServerOptions } from '../helpers/server';
import { type ConnectedUser, connectSlackUser } from '../helpers/users';

/** A test clock the specs move by hand (servers read it through `now`). */
export class TestClock {
  constructor(private t: number) {}
  now = (): Date => new Date(this.t);
  set(at: Date | string): void {
    this.t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface Person {
  slackUserId: string;
  linked: ConnectedUser;
  calendar: CalendarDriver;
  /** The reminder and leave-now DMs this person got, oldest first. */
  reminders(): FakeMessage[];
}

let sub = 7000;

/** How reminder and leave-now DMs start their notification text (src/slack/blocks/notices/). */
const REMINDER_TEXT = / starts (now|in \d+ minutes?) \(|^(Leave in \d+ minutes?|Time to leave) for /;

/** A linked Slack person in `tz` whose calendar the spec drives (see test/helpers/calendar-events.ts). */
export async function person(t: TestServer, slackUserId: string, tz: string): Promise<Person> {
  t.slack.state.addUser({ id: slackUserId, name: slackUserId.toLowerCase(), tz });
  const linked = await connectSlackUser(t.ctx, t.google, {
    slackUserId,
    account: { sub: String(++sub), email: `${slackUserId.toLowerCase()}@example.com`, name: slackUserId },
  });
  await t.ctx.settings.refreshTimeZone({ teamId: t.who.teamId, slackUserId }, tz);
  return {
    slackUserId,
    linked,
    calendar: calendarDriver(t.ctx, t.google, { sub: linked.account.sub, userId: linked.user.id }),
    reminders: () =>
      t.slack.state.messages.filter(
        (m) => m.channel === dmChannelOf(slackUserId) && REMINDER_TEXT.test(m.text ?? ''),
      ),
  };
}

/** An event on the person's primary calendar, `minutes` from now, 30 minutes long. */
export function meeting(id: string, start: Date, extra: Record<string, unknown> = {}) {
  return {
    id,
    summary: `Meeting ${id}`,
    start: { dateTime: start.toISOString() },
    end: { dateTime: new Date(start.getTime() + 30 * 60_000).toISOString() },
    hangoutLink: `https://meet.google.com/${id.slice(0, 3)}-abcd-efg`,
    ...extra,
  };
}

export const minutes = (n: number) => n * 60_000;

export async function reminderServer(clock: TestClock, o: TestServerOptions = {}): Promise<TestServer> {
  return startTestServer({ now: clock.now, ...o });
}
