import { Op } from 'sequelize';
import type { Job } from '../../models';
import type { Briefing } from '../../src/settings/types';
import { seedEvent } from '../fakes/google/seed';
import type { FakeGoogle } from '../fakes/google/server';
import type { SlackCall } from '../fakes/slack/state';
import type { TestServer } from '../helpers/server';
import { connectSlackUser } from '../helpers/users';

let sub = 5000;

/** A person linked to their own Google account, with a Slack zone and (optionally) a briefing. */
export async function briefed(
  t: TestServer,
  slackUserId: string,
  timeZone: string,
  briefing: Briefing | null,
): Promise<{ slackUserId: string; sub: string; identityId: number }> {
  const account = {
    sub: String(++sub),
    email: `${slackUserId.toLowerCase()}@example.com`,
    name: slackUserId,
  };
  t.slack.state.addUser({ id: slackUserId, name: slackUserId.toLowerCase(), tz: timeZone });
  const linked = await connectSlackUser(t.ctx, t.google, { slackUserId, account });
  const person = { teamId: t.who.teamId, slackUserId };
  await t.ctx.settings.refreshTimeZone(person, timeZone);
  if (briefing) await t.ctx.settings.update(person, { briefing });
  return { slackUserId, sub: account.sub, identityId: linked.identity.id };
}

/** A meeting today in the fake Google calendar. */
export function meeting(google: FakeGoogle, sub: string, summary: string, start: string, end: string) {
  seedEvent(google.state, sub, { summary, start: { dateTime: start }, end: { dateTime: end } });
}

/** The DMs Lume posted to this person (chat.postMessage to their user id that Slack accepted). */
export function briefingsTo(t: TestServer, slackUserId: string): SlackCall[] {
  return t.slack.state
    .callsTo('chat.postMessage')
    .filter((c) => c.args.channel === slackUserId && /Your briefing/.test(String(c.args.text)));
}

export const blocksText = (c: SlackCall) => JSON.stringify(c.args.blocks);

/** The briefing jobs waiting for this identity, by their key and due time. */
export async function plannedBriefings(
  t: TestServer,
  identityId: number,
): Promise<{ key: string; runAt: string }[]> {
  const rows: Job[] = await t.ctx.db.models.Job.findAll({
    where: { kind: 'briefing', uniqueKey: { [Op.like]: `briefing:${identityId}:%` }, state: 'queued' },
    order: [['runAt', 'ASC']],
  });
  return rows.map((r) => ({ key: String(r.uniqueKey), runAt: r.runAt.toISOString() }));
}
