import assert from 'node:assert/strict';
import type { Agenda } from '../../src/agenda';
import type { BriefingNotice } from '../../src/notify/notices';
import { dmMessage } from '../fakes/slack/payloads';
import { startTestServer, type TestServer } from '../helpers/server';
import { connectSlackUser } from '../helpers/users';

const agenda: Agenda = {
  date: '2025-06-10',
  timeZone: 'UTC',
  email: 'burst@example.com',
  events: { ok: true, value: [] },
  tasks: { ok: true, value: { overdue: [], today: [] } },
  mail: { ok: true, value: { count: 0, more: false, top: [] } },
};
const notice: BriefingNotice = { kind: 'briefing', timeZone: 'UTC', agenda, attention: null };

/** Acks and agent answers use Bolt's own client: a queued morning burst never stands in front of them. */
describe('proactive burst vs acks and answers', () => {
  let t: TestServer;
  before(async () => {
    // A slow pacer: one post a second, so the burst is still queued while the person talks to Lume.
    t = await startTestServer({ postLimits: { workspacePerSecond: 1, workspaceBurst: 1 } });
    await connectSlackUser(t.ctx, t.google, { slackUserId: 'U_TALK' });
  });
  after(() => t.close());

  it('a slash command is acked and answered, and a DM answered, while the burst waits in the pacer', async () => {
    const dueAt = new Date();
    const burst = Array.from({ length: 6 }, (_, i) =>
      t.lume.messenger.post({ teamId: t.who.teamId, slackUserId: `U_BURST${i}` }, notice, { dueAt }),
    );
    assert.ok(t.lume.pacer.pending() >= 4, 'the burst is queued');

    const cmd = await t.command('help', 'U_TALK');
    assert.equal(cmd.status, 200, 'acked');
    const sent = await t.event(dmMessage({ user: 'U_TALK', text: 'what is next?' }));
    assert.equal(sent.status, 200, 'acked');
    await t.slack.state.waitFor(
      () => t.slack.state.messages.find((m) => m.text?.includes('echo: what is next?')),
      'the agent answer',
    );
    assert.ok(t.lume.pacer.pending() > 0, 'answered before the burst drained: it did not queue behind it');

    await Promise.all(burst);
    assert.equal(t.lume.pacer.pending(), 0);
    assert.equal(t.slack.state.messages.filter((m) => /^D_BURST/.test(m.channel)).length, 6);
  });
});
