import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import { choiceActionId } from '../../src/slack/blocks/action-ids';
import { seedEvent } from '../fakes/google/seed';
import type { FakeAccount } from '../fakes/google/state';
import type { FakeMessage } from '../fakes/slack/state';
import { type ConnectedUser, connectSlackUser } from '../helpers/users';
import { type AgentWorld, type Card, DM, startAgentWorld, type WorldOptions } from './harness';

// A Tuesday morning in London (GMT): "tomorrow afternoon" is Wednesday 11 March 2026, 12:00–17:00 GMT.
// New York has been on daylight time since 8 March (UTC-4): Grace works 13:00–21:00 UTC.
export const NOW = new Date('2026-03-10T09:00:00Z');

export const GRACE: FakeAccount = {
  sub: '200000000000000000002',
  email: 'grace@example.com',
  name: 'Grace Hopper',
};
export const EVE: FakeAccount = {
  sub: '300000000000000000003',
  email: 'eve@example.com',
  name: 'Eve Moneypenny',
};
export const TOM: FakeAccount = {
  sub: '400000000000000000004',
  email: 'tom@partner.example',
  name: 'Tom Tailor',
};

/** Titles on teammates' calendars: none may ever reach the model or Slack. */
export const SECRET_TITLES = [
  'Grace: confidential reorg planning',
  "Eve: doctor's appointment",
  'Tom: interview with a competitor',
];

export interface TeamworkWorld extends AgentWorld {
  grace: ConnectedUser;
  /** The choices message Lume posted (the newest), and its buttons' pending action ids. */
  choices(): { message: FakeMessage; actionIds: string[] } | undefined;
  /**
   * A signed click on choice `index` of the choices message (the newest, or `offer` — as it was
   * posted, buttons and all); resolves once the pick was handled.
   */
  pickChoice(index: number, userId?: string, offer?: ReturnType<TeamworkWorld['choices']>): Promise<void>;
  /** Every Gemini request and Slack call, as text (for privacy assertions). */
  everythingSent(): string;
}

const event = (summary: string, start: string, end: string): calendar_v3.Schema$Event => ({
  summary,
  description: `${summary} — details nobody else may read`,
  attendees: [{ email: 'someone@elsewhere.example', displayName: 'Secret Guest' }],
  start: { dateTime: start },
  end: { dateTime: end },
});

/**
 * The agent world plus a team: Grace (New York) linked to Lume with her own Google account; Eve
 * (London) not linked, with her Slack profile e-mail and a calendar that shares free/busy with her
 * domain; Tom, whose calendar shares with nobody; Bo, a member without any e-mail; and a bot.
 */
export async function startTeamworkWorld(o: WorldOptions = {}): Promise<TeamworkWorld> {
  const w = await startAgentWorld({ now: () => NOW, ...o });
  const slack = w.t.slack.state;
  const g = w.t.google.state;
  slack.users.set('U0EVE', {
    id: 'U0EVE',
    name: 'Eve',
    realName: 'Eve Moneypenny',
    tz: 'Europe/London',
    email: EVE.email,
  });
  slack.addUser({
    id: 'U0GRACE',
    name: 'Grace',
    realName: 'Grace Hopper',
    tz: 'America/New_York',
    email: 'grace.h@slack-profile.example',
  });
  slack.addUser({ id: 'U0TOM', name: 'Tom', realName: 'Tom Tailor', tz: 'Europe/Berlin', email: TOM.email });
  slack.addUser({ id: 'U0BO', name: 'Bo', realName: 'Bo Nomail', tz: 'Europe/London' });
  slack.addUser({ id: 'U0BOT', name: 'Helper', isBot: true });
  for (const a of [GRACE, EVE, TOM]) g.addAccount(a);
  g.dataFor(TOM.sub).freeBusySharing = 'private';
  const grace = await connectSlackUser(w.t.ctx, w.t.google, { slackUserId: 'U0GRACE', account: GRACE });
  seedEvent(g, GRACE.sub, event(SECRET_TITLES[0], '2026-03-11T13:00:00Z', '2026-03-11T14:00:00Z'));
  seedEvent(g, EVE.sub, event(SECRET_TITLES[1], '2026-03-11T14:30:00Z', '2026-03-11T15:30:00Z'));
  seedEvent(g, TOM.sub, event(SECRET_TITLES[2], '2026-03-11T15:30:00Z', '2026-03-11T17:00:00Z'));
  const choicesIn = (m: FakeMessage) =>
    JSON.stringify(m.blocks ?? []).includes('lume_choice:')
      ? (m.blocks as { type: string; elements?: { value?: string }[] }[])
          .filter((b) => b.type === 'actions')
          .flatMap((b) => (b.elements ?? []).map((e) => e.value ?? ''))
      : [];
  const choices = () => {
    const message = [...slack.messages].reverse().find((m) => choicesIn(m).length);
    return message ? { message, actionIds: choicesIn(message) } : undefined;
  };
  return {
    ...w,
    grace,
    choices,
    async pickChoice(index, userId = 'U0ADA', offer = choices()) {
      const found = offer;
      if (!found) throw new Error('no choices posted');
      const before = w.t.logs.lines.filter((l) => l.msg === 'choice picked').length;
      await w.t.action({
        userId,
        actionId: choiceActionId(index),
        value: found.actionIds[index],
        container: { type: 'message', channelId: found.message.channel, messageTs: found.message.ts },
      });
      await w.t.logs.waitFor(
        () => w.t.logs.lines.filter((l) => l.msg === 'choice picked').length > before,
        'the pick',
      );
    },
    everythingSent: () =>
      JSON.stringify([w.gemini.requests.map((r) => r.body), slack.calls.map((c) => c.args), slack.messages]),
  };
}

export type { Card };
export { DM };
