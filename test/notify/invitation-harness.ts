import type { RsvpAnswer } from '../../src/notify/notices';
import { ACTIONS } from '../../src/slack/blocks/action-ids';
import { ADA } from '../fakes/google/server';
import type { FakeMessage } from '../fakes/slack/state';
import { CalendarWorld } from '../helpers/calendar-world';
import type { TestServer } from '../helpers/server';
import { type ConnectedUser, connectSlackUser } from '../helpers/users';

export const HOUR = 3_600_000;
/** Tuesday 2026-03-10, 09:00 in Berlin. */
export const T0 = new Date('2026-03-10T08:00:00Z');
/** Thursday 2026-03-12 10:15–11:00 in Berlin. */
export const INVITE = { start: new Date('2026-03-12T09:15:00Z'), end: new Date('2026-03-12T10:00:00Z') };

export interface Person {
  slackUserId: string;
  linked: ConnectedUser;
  world: CalendarWorld;
  dm: string;
}

/** Ada, linked, in Berlin (her Slack zone read), with a CalendarWorld over her fake calendar. */
export async function linkAda(t: () => TestServer, slackUserId = 'U_ADA'): Promise<Person> {
  const s = t();
  s.slack.state.addUser({ id: slackUserId, name: 'ada', tz: 'Europe/Berlin' });
  const linked = await connectSlackUser(s.ctx, s.google, { slackUserId });
  await s.ctx.settings.refreshTimeZone({ teamId: s.who.teamId, slackUserId }, 'Europe/Berlin');
  const world = new CalendarWorld({
    ctx: () => t().ctx,
    google: s.google,
    sub: ADA.sub,
    userId: linked.user.id,
    email: ADA.email,
  });
  return { slackUserId, linked, world, dm: `D${slackUserId.slice(1)}` };
}

export const dmsTo = (t: TestServer, p: Person): FakeMessage[] =>
  t.slack.state.messages.filter((m) => m.channel === p.dm && !m.ephemeralTo);

/** The Yes / Maybe / No button values on a message (its RSVP block), by answer. */
export function rsvpValue(m: FakeMessage): string {
  const block = (m.blocks as { block_id?: string; elements?: { value?: string }[] }[]).find(
    (b) => b.block_id === 'lume_rsvp',
  );
  const value = block?.elements?.[0]?.value;
  if (!value) throw new Error('no RSVP buttons on this message');
  return value;
}

/** Click one of a message's RSVP buttons as `userId`, the way Slack sends it (the message's blocks along). */
export async function click(t: TestServer, m: FakeMessage, answer: RsvpAnswer, userId: string) {
  const responseUrl = t.slack.state.responseUrl();
  const sent = await t.action({
    userId,
    actionId: `${ACTIONS.rsvpPrefix}${answer}`,
    value: rsvpValue(m),
    blockId: 'lume_rsvp',
    container: { type: 'message', channelId: m.channel, messageTs: m.ts },
    message: { text: m.text, blocks: structuredClone(m.blocks) },
    responseUrl,
  });
  return { sent, responseUrl };
}

/** The events PATCHes Lume sent to the fake Google for one event. */
export const patchesOf = (t: TestServer, eventId: string) =>
  t.google.state.requests.filter(
    (r) => r.method === 'PATCH' && r.path === `/calendar/v3/calendars/primary/events/${eventId}`,
  );

/** Blocks' text, flattened, for assertions on what a message shows. */
export function shown(m: FakeMessage | undefined): string {
  return JSON.stringify(m?.blocks ?? []);
}

/** Resolves once `count` RSVP clicks have been handled to the end (the listener runs after the ack). */
export async function handled(t: TestServer, count: number): Promise<string[]> {
  const lines = () => t.logs.lines.filter((l) => l.msg === 'RSVP click handled');
  await t.logs.waitFor(() => lines().length >= count, `${count} handled RSVP clicks`);
  return lines().map((l) => String(l.outcome));
}
