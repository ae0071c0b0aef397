import assert from 'node:assert/strict';
import { MESSAGES } from '../../src/messages';
import { dmMessage, newTs } from '../fakes/slack/payloads';
import { type RecordingAgent, startTestServer, type TestServer } from '../helpers/server';
import { connectSlackUser } from '../helpers/users';

/** What people see when something breaks, and what the log keeps (never a token). */
describe('Slack failures: friendly to people, detailed (and token-free) in the log', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
    for (const id of ['U_E1', 'U_E2', 'U_E3'])
      t.slack.state.addUser({ id, name: id.toLowerCase(), tz: 'UTC' });
    await connectSlackUser(t.ctx, t.google, { slackUserId: 'U_E1' });
  });
  after(() => t.close());

  /** Make ctx.accounts.findBySlack throw once, as a database outage would. */
  function breakLookupOnce() {
    const original = t.ctx.accounts.findBySlack.bind(t.ctx.accounts);
    t.ctx.accounts.findBySlack = async () => {
      t.ctx.accounts.findBySlack = original;
      throw new Error('connect ECONNREFUSED 127.0.0.1:3306 (secret detail)');
    };
  }

  it('a command that fails unexpectedly gets a short ephemeral apology via response_url, no details', async () => {
    breakLookupOnce();
    const res = await t.command('status', 'U_E2');
    assert.equal(res.status, 200, 'acknowledged before the failure');
    const [r] = await t.slack.state.waitForResponse(res.responseUrl);
    assert.equal(r.body.response_type, 'ephemeral');
    assert.equal(r.body.text, MESSAGES.friendlyError);
    assert.doesNotMatch(JSON.stringify(r.body), /ECONNREFUSED|secret detail|at .*\.ts/);
    const line = await t.logs.waitFor((l) => l.msg === 'Slack listener failed');
    assert.match(JSON.stringify(line), /ECONNREFUSED/, 'the details are in the log');
  });

  it('a DM that fails unexpectedly gets the apology in the DM', async () => {
    breakLookupOnce();
    const ts = newTs();
    const sent = await t.event(dmMessage({ user: 'U_E3', text: 'hi', ts }));
    assert.equal(sent.status, 200);
    const [post] = await t.slack.state.waitForCall('chat.postMessage', (c) => c.args.channel === 'D_E3');
    assert.equal(post.args.text, MESSAGES.friendlyError);
  });

  it('an agent that throws: the person gets a short apology in the thread; the turn is logged', async () => {
    const agent = t.agent as RecordingAgent;
    agent.failWith = new Error('model exploded');
    try {
      const root = newTs();
      const sent = await t.event(dmMessage({ user: 'U_E1', text: 'boom?', thread_ts: root }));
      await t.logs.processed(sent.eventId);
      const [post] = await t.slack.state.waitForCall('chat.postMessage', (c) => c.args.thread_ts === root);
      assert.match(String(post.args.text), /^Sorry — I couldn't answer that just now/);
      assert.doesNotMatch(String(post.args.text), /exploded/);
      await t.logs.waitFor((l) => l.msg === 'agent turn failed');
    } finally {
      agent.failWith = undefined;
    }
  });

  it('no token of any kind ever reaches the log', () => {
    const log = t.logs.text();
    assert.ok(t.logs.lines.length > 10, 'the log was captured');
    assert.doesNotMatch(log, /xoxb-test-token|xox[bpa]-[A-Za-z0-9]/, 'Slack bot token');
    assert.doesNotMatch(log, /ya29\.fake-|1\/\/fake-/, 'Google access or refresh token');
    assert.doesNotMatch(log, /link=[A-Za-z0-9_-]{20,}/, 'one-time connect link');
  });
});
