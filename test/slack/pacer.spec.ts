import assert from 'node:assert/strict';
import { WebClient } from '@slack/web-api';
import { DeliveryDeferred } from '../../src/notify/messenger';
import { SlackPacer } from '../../src/slack/notify/pacer';
import { databasePauses, memoryPauses } from '../../src/slack/notify/pauses';
import { type FakeSlack, startFakeSlack } from '../fakes/slack/server';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

const TEAM = 'T0LUME';

/** The pacer in front of the real Web API client, against the fake Slack enforcing Slack's rate limiting. */
describe('proactive post pacer', () => {
  let slack: FakeSlack;
  let tdb: TestDatabase;
  let client: WebClient;

  before(async () => {
    slack = await startFakeSlack();
    tdb = await createTestDatabase();
    client = new WebClient('xoxb-test-token', {
      slackApiUrl: slack.apiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
    });
  });
  after(async () => {
    await slack.close();
    await tdb.cleanup();
  });
  beforeEach(() => {
    slack.state.rateLimits.rules = [];
    slack.state.rateLimits.limited = 0;
    slack.state.rateLimits.unhonoured = 0;
    slack.state.rateLimits.ignoredBySender = 0;
    slack.state.calls.length = 0;
    slack.state.messages.length = 0;
  });

  const post = (pacer: SlackPacer, channel: string, dueAt: Date, text = channel, signal?: AbortSignal) =>
    pacer.send(TEAM, channel, dueAt, () => client.chat.postMessage({ channel, text }), signal);
  /** What a job does with a post: a DeliveryDeferred is its snooze (here, on the wall clock Slack's limits run on). */
  async function deliver(pacer: SlackPacer, channel: string, dueAt: Date, text = channel) {
    for (;;) {
      try {
        return await post(pacer, channel, dueAt, text);
      } catch (err) {
        if (!(err instanceof DeliveryDeferred)) throw err;
        await new Promise((r) => setTimeout(r, err.retryAfterMs));
      }
    }
  }
  /** What Slack accepted (a 429'd call is recorded as a call, not as a message). */
  const posted = () => slack.state.messages.map((m) => String(m.text));

  it('a burst leaves in due-time order, whatever order it arrived in', async () => {
    const pacer = new SlackPacer({ limits: { workspaceBurst: 1, workspacePerSecond: 10 } });
    // The five arrive in one tick, so the whole burst is queued before the first leaves.
    const base = Date.parse('2025-06-10T15:30:00Z');
    const order = [4, 1, 3, 0, 2];
    await Promise.all(order.map((i) => post(pacer, `U${i}`, new Date(base + i * 1000), `due-${i}`)));
    assert.deepEqual(posted(), ['due-0', 'due-1', 'due-2', 'due-3', 'due-4']);
  });

  it('spreads a burst under the workspace limit and one post per channel per second: no 429', async () => {
    slack.state.rateLimits.rules = [
      {
        method: 'chat.postMessage',
        perWorkspace: { limit: 5, windowMs: 1000 },
        perChannel: { limit: 1, windowMs: 1000 },
      },
    ];
    // A bucket of 2 refilled at 2.5/s never puts more than 2 + 2.5 = 4.5 posts in any second.
    const pacer = new SlackPacer({
      limits: { workspaceBurst: 2, workspacePerSecond: 2.5, channelIntervalMs: 1000 },
    });
    const now = new Date();
    const sends = Array.from({ length: 8 }, (_, i) => post(pacer, `U_SPREAD${i % 6}`, now, `s${i}`));
    await Promise.all(sends);
    assert.equal(posted().length, 8);
    assert.equal(slack.state.rateLimits.limited, 0, 'kept under both limits');
  });

  it('a 429 pauses the whole workspace for Retry-After, then the posts go: every one delivered, none early', async () => {
    slack.state.rateLimits.rules = [
      { method: 'chat.postMessage', perWorkspace: { limit: 3, windowMs: 1000 } },
    ];
    const limited: number[] = [];
    const pacer = new SlackPacer({
      limits: { workspaceBurst: 100, workspacePerSecond: 100 },
      onRateLimited: (e) => limited.push(e.retryAfterMs),
    });
    const now = new Date();
    await Promise.all(Array.from({ length: 7 }, (_, i) => deliver(pacer, `U_RL${i}`, now, `r${i}`)));
    assert.equal(posted().length, 7);
    assert.ok(slack.state.rateLimits.limited > 0, 'Slack did say 429');
    assert.ok(
      limited.every((ms) => ms === 1000),
      'Retry-After: 1 read as a second',
    );
    assert.equal(slack.state.rateLimits.unhonoured, 0, 'nothing sent before Retry-After passed');
    assert.equal(slack.state.rateLimits.ignoredBySender, 0);
  });

  it('shared pauses: a 429 one instance heard holds back another instance on the same database', async () => {
    slack.state.rateLimits.rules = [
      { method: 'chat.postMessage', perWorkspace: { limit: 2, windowMs: 1000 } },
    ];
    const one = new SlackPacer({
      pauses: databasePauses(tdb.db.sequelize),
      limits: { workspaceBurst: 50, workspacePerSecond: 50 },
    });
    const two = new SlackPacer({
      pauses: databasePauses(tdb.db.sequelize),
      limits: { workspaceBurst: 50, workspacePerSecond: 50 },
    });
    const now = new Date();
    const first = Array.from({ length: 4 }, (_, i) => deliver(one, `U_A${i}`, now, `a${i}`));
    // Once instance one has been told to wait, instance two's posts wait too.
    await slack.state.waitFor(() => (slack.state.rateLimits.limited > 0 ? true : undefined), 'a 429');
    await new Promise((r) => setTimeout(r, 60)); // the pause is written
    const second = Array.from({ length: 3 }, (_, i) => deliver(two, `U_B${i}`, now, `b${i}`));
    await Promise.all([...first, ...second]);
    assert.equal(posted().length, 7);
    assert.equal(slack.state.rateLimits.unhonoured, 0);
  });

  it('a Retry-After longer than the pacer waits: DeliveryDeferred with the wait, so the job snoozes; the paused workspace sends nothing', async () => {
    slack.state.failures.push({
      method: 'chat.postMessage',
      error: 'ratelimited',
      times: 1,
      retryAfter: 120,
    });
    const pacer = new SlackPacer({ limits: { maxWaitMs: 30_000 } });
    await assert.rejects(post(pacer, 'U_LONG', new Date()), (err: unknown) => {
      assert.ok(err instanceof DeliveryDeferred);
      assert.equal(err.retryAfterMs, 120_000);
      return true;
    });
    // While that pause lasts, a new post is handed back at once too.
    await assert.rejects(post(pacer, 'U_NEXT', new Date()), DeliveryDeferred);
    assert.equal(slack.state.callsTo('chat.postMessage').length, 1, 'only the first reached Slack');
  });

  it('an aborted post leaves the queue without reaching Slack', async () => {
    const pauses = memoryPauses();
    const pacer = new SlackPacer({ pauses });
    await pauses.pause(TEAM, Date.now() + 200);
    const ctl = new AbortController();
    const sending = post(pacer, 'U_ABORT', new Date(), 'aborted', ctl.signal);
    assert.equal(pacer.pending(TEAM), 1);
    ctl.abort(new Error('lease lost'));
    await assert.rejects(sending, /lease lost/);
    assert.equal(pacer.pending(TEAM), 0);
    await new Promise((r) => setTimeout(r, 250));
    assert.equal(posted().length, 0);
  });
});
