import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createAppJobEngine } from '../../src/jobs/app-engine';
import type { JobEngine } from '../../src/jobs/engine';
import { startTestServer, type TestServer } from '../helpers/server';
import { connectSlackUser } from '../helpers/users';

interface CallReport {
  ok: boolean;
  at: string;
  result: string;
  lastOkAt: string | null;
  lastFailedAt: string | null;
}
interface ReadyBody {
  status: 'ready' | 'unavailable';
  reason?: string;
  checks: {
    database: string;
    jobs: { status: string; lastPassAt: string | null; staleAfterSeconds: number | null };
    slack: CallReport | null;
    google: CallReport | null;
  };
}

const START = Date.parse('2026-03-10T09:00:00Z');

/** /ready through the running server: what makes it 503, and what it only reports. */
describe('/ready: a stuck instance can be told from a healthy one', () => {
  let t: TestServer;
  let now = START;
  let extra: JobEngine | undefined;
  const ready = async () => {
    const res = await fetch(`${t.url}/ready`);
    return { status: res.status, body: (await res.json()) as ReadyBody };
  };

  beforeEach(async () => {
    now = START;
    t = await startTestServer({ now: () => new Date(now) });
  });
  afterEach(async () => {
    await extra?.stop(0);
    extra = undefined;
    await t.close();
  });

  it('ready: the database answers, the engine passed just now, and the start-up call to Slack succeeded', async () => {
    const { status, body } = await ready();
    assert.equal(status, 200);
    assert.equal(body.status, 'ready');
    assert.equal(body.checks.database, 'ok');
    assert.deepEqual(body.checks.jobs, {
      status: 'ok',
      lastPassAt: new Date(START).toISOString(),
      staleAfterSeconds: 60,
    });
    assert.equal(body.checks.slack?.ok, true, 'auth.test at start-up went through the hooked client');
    assert.equal(body.checks.slack?.result, 'ok');
    assert.equal(body.checks.google, null, 'no Google call yet');
    assert.doesNotMatch(JSON.stringify(body), /xoxb-|secret/i);
  });

  it('503 once the engine has not passed for longer than it may, and ready again when it does', async () => {
    now += 60_000;
    assert.equal((await ready()).status, 200, 'exactly the limit is still fresh');
    now += 1;
    const stalled = await ready();
    assert.equal(stalled.status, 503);
    assert.equal(stalled.body.reason, 'job engine stalled');
    assert.equal(stalled.body.checks.jobs.status, 'stalled');
    assert.equal(stalled.body.checks.database, 'ok');
    await t.engine.runDue();
    const again = await ready();
    assert.equal(again.status, 200);
    assert.equal(again.body.checks.jobs.lastPassAt, new Date(now).toISOString());
  });

  it('a polling engine whose passes fail is stalled, though the database still answers', async () => {
    extra = createAppJobEngine(t.ctx, {
      instanceId: `ready-spec:${randomBytes(3).toString('hex')}`,
      ports: {},
      tuning: { pollMs: 5, takeoverMs: 5 },
    });
    await extra.start();
    const seq = t.ctx.db.sequelize;
    const query = seq.query.bind(seq);
    // The jobs table is locked up (say): every claim fails; everything else works.
    seq.query = ((sql: unknown, ...rest: unknown[]) =>
      /\bjobs\b/.test(String(sql))
        ? Promise.reject(new Error('Lock wait timeout exceeded'))
        : (query as (...a: unknown[]) => unknown)(sql, ...rest)) as typeof seq.query;
    const fails = () => t.logs.lines.filter((l) => l.msg === 'job poll failed; trying again').length;
    const failedPolls = (n: number) =>
      t.logs.waitFor((l) => l.msg === 'job poll failed; trying again' && fails() >= n, `${n} failed polls`);
    try {
      await failedPolls(1);
      now += 61_000;
      // Polls go on (every 5 ms, real time) and fail at the new time: none of them is a heartbeat.
      await failedPolls(fails() + 2);
      const { status, body } = await ready();
      assert.equal(status, 503);
      assert.equal(body.reason, 'job engine stalled');
      assert.equal(body.checks.database, 'ok');
    } finally {
      seq.query = query;
    }
    // Unblocked, its next poll is a pass at the new time.
    for (let i = 0; i < 200 && (await ready()).status !== 200; i++)
      await new Promise((r) => setTimeout(r, 5));
    const { body } = await ready();
    assert.equal(body.checks.jobs.lastPassAt, new Date(now).toISOString());
  });

  it('503 while the engine stops (shutdown) and while the database is gone', async () => {
    await t.engine.stop(0);
    const stopped = await ready();
    assert.equal(stopped.status, 503);
    assert.equal(stopped.body.reason, 'job engine stopped');
    await t.ctx.db.close();
    const down = await ready();
    assert.equal(down.status, 503);
    assert.equal(down.body.reason, 'database unreachable; job engine stopped');
    assert.equal(down.body.checks.database, 'unreachable');
  });

  it('failed Slack and Google calls are reported, with when each last worked, and stay 200', async () => {
    t.slack.state.failures.push({ method: 'chat.postMessage', error: 'channel_not_found', times: 1 });
    await assert.rejects(t.lume.slack.client.chat.postMessage({ channel: 'C0GONE', text: 'hello' }));
    const ada = await connectSlackUser(t.ctx, t.google, { slackUserId: 'U0ADA' });
    const google = await t.ctx.google.forUser(ada.user);
    await google.apis.calendar().calendarList.list();
    now += 1000;
    // An event that is not there: Google's 404, no refresh, no retry.
    await assert.rejects(google.apis.calendar().events.get({ calendarId: 'primary', eventId: 'gone' }));
    const { status, body } = await ready();
    assert.equal(status, 200, 'an upstream failure never takes the instance out');
    assert.equal(body.status, 'ready');
    assert.deepEqual(
      { ok: body.checks.slack?.ok, result: body.checks.slack?.result },
      { ok: false, result: 'channel_not_found' },
    );
    assert.equal(body.checks.slack?.lastOkAt, new Date(START).toISOString(), 'auth.test at start');
    assert.deepEqual(body.checks.google, {
      ok: false,
      at: new Date(now).toISOString(),
      result: '4xx',
      lastOkAt: new Date(START).toISOString(),
      lastFailedAt: new Date(now).toISOString(),
    });
    assert.doesNotMatch(JSON.stringify(body), /ada@example\.com|U0ADA|C0GONE|ya29|1\/\//);
  });
});
