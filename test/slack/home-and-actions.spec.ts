import assert from 'node:assert/strict';
import { SUGGESTED_PROMPTS } from '../../src/slack/suggested-prompts';
import { seedEvent } from '../fakes/google/seed';
import { type AuthApp, Browser, reachCallback } from '../helpers/auth-app';
import { type RecordingAgent, startTestServer, type TestServer } from '../helpers/server';
import { connectSlackUser } from '../helpers/users';

const NOW = new Date('2025-06-10T16:00:00Z');
type View = {
  type: string;
  blocks: {
    type: string;
    text?: { text: string };
    accessory?: { action_id?: string; url?: string };
    elements?: { action_id?: string }[];
  }[];
};
const viewText = (v: unknown) => JSON.stringify(v);

describe('App Home, the messages tab and buttons', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ now: () => NOW });
    for (const id of ['U_HOME', 'U_NEW', 'U_REV', 'U_MSG', 'U_OLD', 'U_BTN', 'U_DMBTN', 'U_OAUTH'])
      t.slack.state.addUser({ id, name: id.toLowerCase(), tz: 'America/Los_Angeles' });
  });
  after(() => t.close());

  const publishes = (userId: string) =>
    t.slack.state
      .callsTo('views.publish')
      .filter((c) => c.args.user_id === userId)
      .map((c) => c.args.view as View);
  const openHome = async (userId: string) => {
    const sent = await t.event({
      type: 'app_home_opened',
      user: userId,
      channel: `D${userId.slice(1)}`,
      tab: 'home',
    });
    assert.equal(sent.status, 200);
    await t.logs.processed(sent.eventId);
  };

  it('connected: publishes status at once ("Loading…"), then the day in the person\'s zone, with Disconnect', async () => {
    const { account } = await connectSlackUser(t.ctx, t.google, { slackUserId: 'U_HOME' });
    seedEvent(t.google.state, account.sub, {
      summary: 'Standup',
      start: { dateTime: '2025-06-10T10:00:00-07:00' },
      end: { dateTime: '2025-06-10T10:15:00-07:00' },
    });
    await openHome('U_HOME');
    const [loading, full] = publishes('U_HOME');
    assert.equal(loading.type, 'home');
    assert.match(viewText(loading), /Connected to Google as \*ada@example.com\*/);
    assert.match(viewText(loading), /Loading your day/);
    assert.match(viewText(full), /Today — Tuesday, June 10/);
    assert.match(viewText(full), /10:00 AM – 10:15 AM\* · <[^|]+\|Standup>/);
    const actions = full.blocks.flatMap((b) => [
      b.accessory?.action_id,
      ...(b.elements ?? []).map((e) => e.action_id),
    ]);
    assert.ok(actions.includes('lume_disconnect') && actions.includes('lume_home_refresh'));
    assert.match(viewText(full), /Ask me in Messages/);
  });

  it('not connected: publishes a Connect button carrying a fresh one-time link for this person', async () => {
    await openHome('U_NEW');
    const [view] = publishes('U_NEW');
    const button = view.blocks.find((b) => b.accessory?.url)?.accessory;
    assert.equal(button?.action_id, 'lume_connect_link');
    const link = new URL(button?.url as string).searchParams.get('link') as string;
    assert.deepEqual(await t.ctx.links.consume(link), { teamId: t.who.teamId, slackUserId: 'U_NEW' });
    assert.doesNotMatch(viewText(view), /Loading your day/);
  });

  it('grant revoked: says which account was lost and offers Connect', async () => {
    const { user } = await connectSlackUser(t.ctx, t.google, {
      slackUserId: 'U_REV',
      account: { sub: '610', email: 'rev@example.com', name: 'Rev' },
    });
    await t.ctx.google.markRevoked(user.id);
    await openHome('U_REV');
    assert.match(viewText(publishes('U_REV')[0]), /no longer has access to \*rev@example.com\*/);
  });

  it('messages tab: an empty conversation gets the welcome with the suggested prompts, once', async () => {
    const open = async () => {
      const sent = await t.event({
        type: 'app_home_opened',
        user: 'U_MSG',
        channel: 'D_MSG',
        tab: 'messages',
      });
      await t.logs.processed(sent.eventId);
    };
    await open();
    await open();
    const welcomes = t.slack.state.callsTo('chat.postMessage').filter((c) => c.args.channel === 'D_MSG');
    assert.equal(welcomes.length, 1, 'only while the conversation is empty');
    const text = JSON.stringify(welcomes[0].args.blocks);
    for (const p of SUGGESTED_PROMPTS) assert.ok(text.includes(p.title), p.title);
    assert.match(text, /run `\/lume connect`/);
  });

  it('a suggested-prompt button asks that prompt in the DM, as a thread the agent answers', async () => {
    await connectSlackUser(t.ctx, t.google, {
      slackUserId: 'U_BTN',
      account: { sub: '620', email: 'btn@example.com', name: 'Btn' },
    });
    const res = await t.action({
      userId: 'U_BTN',
      actionId: 'lume_prompt:1',
      value: '1',
      container: { type: 'message', channelId: 'D_BTN', messageTs: '1.000001' },
    });
    assert.equal(res.status, 200);
    const [echo] = await t.slack.state.waitForCall(
      'chat.postMessage',
      (c) => c.args.text === `echo: ${SUGGESTED_PROMPTS[1].message}`,
    );
    const turn = (t.agent as RecordingAgent).turns.find((x) => x.slackUserId === 'U_BTN');
    assert.equal(turn?.text, SUGGESTED_PROMPTS[1].message);
    assert.equal(echo.args.thread_ts, turn?.threadTs);
  });

  it('the Connect URL button is acknowledged and nothing else happens', async () => {
    const before = t.slack.state.calls.length;
    const res = await t.action({
      userId: 'U_NEW',
      actionId: 'lume_connect_link',
      container: { type: 'view', viewId: 'V1' },
    });
    assert.equal(res.status, 200);
    assert.equal(t.slack.state.calls.length, before);
  });

  it('Disconnect on the Home tab revokes at Google, forgets the account and republishes with Connect', async () => {
    const { user, refreshToken } = await connectSlackUser(t.ctx, t.google, {
      slackUserId: 'U_OLD',
      account: { sub: '630', email: 'old@example.com', name: 'Old' },
    });
    const res = await t.action({
      userId: 'U_OLD',
      actionId: 'lume_disconnect',
      container: { type: 'view', viewId: 'V2' },
    });
    assert.equal(res.status, 200);
    const [call] = await t.slack.state.waitForCall('views.publish', (c) => c.args.user_id === 'U_OLD');
    assert.match(viewText(call.args.view), /Connect your Google account/);
    assert.doesNotMatch(viewText(call.args.view), /old@example\.com/, 'the account is forgotten, not "lost"');
    assert.ok(t.google.state.revoked.includes(refreshToken));
    assert.equal(await t.ctx.db.models.User.findByPk(user.id), null);
  });

  it('Disconnect on the "Connected as" DM replaces that message', async () => {
    await connectSlackUser(t.ctx, t.google, {
      slackUserId: 'U_DMBTN',
      account: { sub: '640', email: 'dmbtn@example.com', name: 'DmBtn' },
    });
    const responseUrl = t.slack.state.responseUrl();
    await t.action({
      userId: 'U_DMBTN',
      actionId: 'lume_disconnect',
      container: { type: 'message', channelId: 'D_DMBTN', messageTs: '1.000002' },
      responseUrl,
    });
    const [r] = await t.slack.state.waitForResponse(responseUrl);
    assert.equal(r.body.replace_original, true);
    assert.match(String(r.body.text), /Disconnected dmbtn@example.com/);
  });

  it('end to end: /lume connect → Google consent → DM "Connected as …" with Disconnect, and App Home refreshed', async () => {
    t.google.state.addAccount({ sub: '650', email: 'oauth@example.com', name: 'OAuth Person' });
    t.google.state.consent = { sub: '650' };
    t.slack.state.addUser({ id: 'U_OAUTH', name: 'Grace Hopper' });
    const res = await t.command('connect', 'U_OAUTH');
    const [reply] = await t.slack.state.waitForResponse(res.responseUrl);
    const url = new URL(viewText(reply.body).match(/"url":"([^"]+)"/)?.[1] as string);
    const browser = new Browser();
    const callback = await reachCallback({ url: t.url } as AuthApp, browser, url.pathname + url.search);
    const page = await browser.get(callback);
    assert.equal(page.status, 200);
    // The browser's owner learns whose Slack their Google account now serves (a forwarded link shows here).
    const html = await page.text();
    assert.match(
      html,
      /oauth@example\.com is now linked to Lume for Grace Hopper in the Lume Test Slack workspace/,
    );
    assert.match(html, /href="https:\/\/myaccount\.google\.com\/permissions"/);
    const [dm] = await t.slack.state.waitForCall('chat.postMessage', (c) => c.args.channel === 'U_OAUTH');
    assert.equal(dm.args.text, 'Connected as oauth@example.com.');
    assert.match(JSON.stringify(dm.args.blocks), /"action_id":"lume_disconnect"/);
    await t.slack.state.waitForCall(
      'views.publish',
      (c) => c.args.user_id === 'U_OAUTH' && viewText(c.args.view).includes('oauth@example.com'),
    );
  });
});
