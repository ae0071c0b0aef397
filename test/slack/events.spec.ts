import assert from 'node:assert/strict';
import { dmMessage, newTs } from '../fakes/slack/payloads';
import { type RecordingAgent, startTestServer, type TestServer } from '../helpers/server';
import { connectSlackUser } from '../helpers/users';

/** Events API: DMs to the agent, what is ignored, mentions in threads, retries, workspace clean-up. */
describe('Slack events', () => {
  let t: TestServer;
  const agent = () => t.agent as RecordingAgent;
  const turnsOf = (userId: string) => agent().turns.filter((x) => x.slackUserId === userId);

  before(async () => {
    t = await startTestServer();
    for (const id of ['U_DM', 'U_NEW', 'U_MEN'])
      t.slack.state.addUser({ id, name: id.toLowerCase(), tz: 'UTC' });
    await connectSlackUser(t.ctx, t.google, { slackUserId: 'U_DM' });
    await connectSlackUser(t.ctx, t.google, {
      slackUserId: 'U_MEN',
      account: { sub: '700', email: 'men@example.com', name: 'Men' },
    });
  });
  after(() => t.close());

  it('a DM from a connected person goes to the agent with its channel, thread and text', async () => {
    const ts = newTs();
    const sent = await t.event(dmMessage({ user: 'U_DM', text: "  what's on tomorrow? ", ts }));
    assert.equal(sent.status, 200);
    await t.logs.processed(sent.eventId);
    const [turn] = turnsOf('U_DM');
    assert.equal(turn.source, 'dm');
    assert.equal(turn.channelId, 'D_DM');
    assert.equal(turn.messageTs, ts);
    assert.equal(turn.threadTs, undefined);
    assert.equal(turn.text, "what's on tomorrow?");
    assert.equal(turn.teamId, t.who.teamId);
  });

  it('a DM in a thread keeps the thread', async () => {
    const root = newTs();
    const sent = await t.event(dmMessage({ user: 'U_DM', text: 'and after that?', thread_ts: root }));
    await t.logs.processed(sent.eventId);
    assert.equal(turnsOf('U_DM').at(-1)?.threadTs, root);
  });

  it('a DM from someone not connected gets the connect link in the DM; the agent is not called', async () => {
    const sent = await t.event(dmMessage({ user: 'U_NEW', text: 'hello' }));
    await t.logs.processed(sent.eventId);
    assert.equal(turnsOf('U_NEW').length, 0);
    const [post] = t.slack.state.callsTo('chat.postMessage').filter((c) => c.args.channel === 'D_NEW');
    assert.match(JSON.stringify(post.args.blocks), /auth\/oauth\/google\?link=/);
  });

  it("ignores bot messages — Lume's own included — edits and deletions (no agent turn, no reply)", async () => {
    const before = t.slack.state.calls.length;
    const turns = agent().turns.length;
    const ignored = [
      dmMessage({ user: 'U_DM', text: 'echo: hi', bot_id: 'B0LUME', subtype: 'bot_message' }),
      dmMessage({ user: t.who.botUserId, text: 'echo: my own reply', bot_id: 'B0LUME' }),
      dmMessage({ user: 'U_OTHERBOT', text: 'ping', bot_id: 'B0OTHER' }),
      dmMessage({
        user: 'U_DM',
        text: '',
        subtype: 'message_changed',
        extra: { message: { user: 'U_DM', text: 'edited' }, previous_message: { text: 'x' } },
      }),
      dmMessage({ user: 'U_DM', text: '', subtype: 'message_deleted', extra: { deleted_ts: newTs() } }),
      dmMessage({ user: 'U_DM', text: 'joined', subtype: 'channel_join' }),
    ];
    for (const ev of ignored) {
      const sent = await t.event(ev);
      assert.equal(sent.status, 200, 'still acknowledged');
      await t.logs.processed(sent.eventId);
    }
    assert.equal(agent().turns.length, turns, 'no agent turn');
    assert.equal(t.slack.state.calls.length, before, 'no Slack call: nothing posted back');
  });

  it("the agent's own reply coming back as an event does not start another turn (no loop)", async () => {
    const turns = agent().turns.length;
    const sent = await t.event(dmMessage({ user: 'U_DM', text: 'loop?' }));
    await t.logs.processed(sent.eventId);
    const [echo] = await t.slack.state.waitForCall('chat.postMessage', (c) => c.args.text === 'echo: loop?');
    const reply = t.slack.state.messages.find((m) => m.text === 'echo: loop?');
    assert.ok(reply && echo);
    // Slack delivers the bot's message back as message.im with bot_id.
    const back = await t.event(
      dmMessage({ user: t.who.botUserId, text: reply.text as string, ts: reply.ts, bot_id: reply.bot_id }),
    );
    await t.logs.processed(back.eventId);
    assert.equal(agent().turns.length, turns + 1);
  });

  it('an app_mention is answered in a thread under the mention, mention stripped', async () => {
    const ts = newTs();
    const sent = await t.event({
      type: 'app_mention',
      user: 'U_MEN',
      text: `<@${t.who.botUserId}> when is the team sync?`,
      ts,
      channel: 'C0TEAM',
    });
    await t.logs.processed(sent.eventId);
    const [turn] = turnsOf('U_MEN');
    assert.equal(turn.source, 'mention');
    assert.equal(turn.text, 'when is the team sync?');
    assert.equal(turn.channelId, 'C0TEAM');
    assert.equal(turn.threadTs, ts, 'a new thread under the mention');
    const [echo] = await t.slack.state.waitForCall(
      'chat.postMessage',
      (c) => c.args.text === 'echo: when is the team sync?',
    );
    assert.equal(echo.args.thread_ts, ts);
  });

  it('a mention inside a thread answers in that thread', async () => {
    const root = newTs();
    const sent = await t.event({
      type: 'app_mention',
      user: 'U_MEN',
      text: `<@${t.who.botUserId}> and the one after?`,
      ts: newTs(),
      thread_ts: root,
      channel: 'C0TEAM',
    });
    await t.logs.processed(sent.eventId);
    assert.equal(turnsOf('U_MEN').at(-1)?.threadTs, root);
  });

  it('a mention from someone not connected gets the link ephemerally, never in the channel', async () => {
    const sent = await t.event({
      type: 'app_mention',
      user: 'U_NEW',
      text: `<@${t.who.botUserId}> hi`,
      ts: newTs(),
      channel: 'C0TEAM',
    });
    await t.logs.processed(sent.eventId);
    const [eph] = t.slack.state.callsTo('chat.postEphemeral');
    assert.equal(eph.args.user, 'U_NEW');
    assert.match(JSON.stringify(eph.args.blocks), /link=/);
    const publicLinks = t.slack.state
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === 'C0TEAM' && JSON.stringify(c.args).includes('link='));
    assert.equal(publicLinks.length, 0);
  });

  it('a retried delivery of an event already taken is acknowledged and not processed again', async () => {
    const turns = turnsOf('U_DM').length;
    const ev = dmMessage({ user: 'U_DM', text: 'only once please' });
    const first = await t.event(ev);
    await t.logs.processed(first.eventId);
    for (const retryNum of [1, 2]) {
      const retry = await t.event(ev, { eventId: first.eventId, retryNum });
      assert.equal(retry.status, 200, 'the retry is acknowledged');
    }
    await t.logs.waitFor(
      (l) =>
        l.msg === 'duplicate Slack event delivery skipped' && l.eventId === first.eventId && l.retryNum === 2,
    );
    assert.equal(turnsOf('U_DM').length, turns + 1, 'one agent turn for three deliveries');
    assert.equal(await t.ctx.db.models.SlackEvent.count({ where: { eventId: first.eventId } }), 1);
  });

  it('dedupe holds across two app instances on one database', async () => {
    const second = await startTestServer({ google: t.google, slack: t.slack, database: t.tdb });
    try {
      const ev = dmMessage({ user: 'U_DM', text: 'two instances' });
      const a = await t.event(ev);
      await t.logs.processed(a.eventId);
      const b = await second.event(ev, { eventId: a.eventId, retryNum: 1 });
      assert.equal(b.status, 200);
      await second.logs.waitFor(
        (l) => l.msg === 'duplicate Slack event delivery skipped' && l.eventId === a.eventId,
      );
      assert.equal(
        (second.agent as RecordingAgent).turns.length,
        0,
        'the second instance did not process it',
      );
    } finally {
      await second.close();
    }
  });
});

describe('Slack events: app_uninstalled and tokens_revoked', () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await startTestServer();
  });
  afterEach(() => t.close());

  for (const [name, event] of [
    ['app_uninstalled', { type: 'app_uninstalled' }],
    ['tokens_revoked', { type: 'tokens_revoked', tokens: { bot: ['U0LUMEBOT'] } }],
  ] as const) {
    it(`${name}: the workspace's links go, and Google grants nobody else uses are revoked and deleted`, async () => {
      const only = await connectSlackUser(t.ctx, t.google, { slackUserId: 'U1', teamId: 'T_GONE' });
      const shared = await connectSlackUser(t.ctx, t.google, {
        slackUserId: 'U2',
        teamId: 'T_GONE',
        account: { sub: '800', email: 'both@example.com', name: 'Both' },
      });
      await connectSlackUser(t.ctx, t.google, {
        slackUserId: 'U9',
        teamId: 'T_STAYS',
        account: { sub: '800', email: 'both@example.com', name: 'Both' },
      });
      const sent = await t.event({ ...event }, { teamId: 'T_GONE' });
      assert.equal(sent.status, 200);
      await t.logs.processed(sent.eventId);
      const { SlackIdentity, User } = t.ctx.db.models;
      assert.equal(await SlackIdentity.count({ where: { teamId: 'T_GONE' } }), 0);
      assert.equal(await User.findByPk(only.user.id), null, 'an account only that workspace used is deleted');
      assert.ok(t.google.state.revoked.includes(only.refreshToken), '…after revoking its grant at Google');
      const kept = await User.findByPk(shared.user.id);
      assert.equal(kept?.status, 'connected', 'an account another workspace still uses stays');
      assert.equal(await SlackIdentity.count({ where: { teamId: 'T_STAYS' } }), 1);
    });
  }

  it('tokens_revoked for user tokens only changes nothing (Lume holds none)', async () => {
    await connectSlackUser(t.ctx, t.google, { slackUserId: 'U1', teamId: 'T_KEEP' });
    const sent = await t.event({ type: 'tokens_revoked', tokens: { oauth: ['U1'] } }, { teamId: 'T_KEEP' });
    await t.logs.processed(sent.eventId);
    assert.equal(await t.ctx.db.models.SlackIdentity.count({ where: { teamId: 'T_KEEP' } }), 1);
  });
});
