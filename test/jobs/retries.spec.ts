import assert from 'node:assert/strict';
import { JobDiscard, JobSnooze } from '../../src/jobs/engine';
import { captureLogger } from '../helpers/log-capture';
import { deferred, type Harness, harness, recording } from './harness';

describe('jobs: running, retries and dead jobs', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.cleanup());
  const job = () => h.tdb.db.models.Job.findOne();

  it('runs a job only once its run_at has come on the engine clock', async () => {
    const r = recording('remind');
    const e = await h.engine({ definitions: [r.definition] });
    await e.enqueue({
      kind: 'remind',
      key: 'remind:1',
      payload: {},
      runAt: new Date(h.clock.now().getTime() + 120_000),
    });
    h.clock.advance(119_999);
    assert.equal((await e.runDue()).claimed, 0);
    h.clock.advance(1);
    assert.equal((await e.runDue()).done, 1);
    assert.deepEqual(r.runs, ['remind:1']);
  });

  it('retries with jittered exponential backoff, then the job is dead, logged with a scrubbed error and counted', async () => {
    const deaths: { kind: string; attempt: number }[] = [];
    const retries: number[] = [];
    let calls = 0;
    const jitter = [0, 1, 0.5];
    const logs = captureLogger('info');
    const e = await h.engine({
      log: logs.log,
      random: () => jitter.shift() ?? 0,
      backoff: { baseMs: 10_000, maxMs: 3600_000 },
      events: { dead: (d) => deaths.push(d), retried: (r) => retries.push(r.delayMs) },
      definitions: [
        {
          kind: 'post',
          maxAttempts: 3,
          async run() {
            calls += 1;
            throw new Error(
              'chat.postMessage failed for xoxb-1234-secret, see https://slack.test/cb?code=abc123',
            );
          },
        },
      ],
    });
    await e.enqueue({ kind: 'post', payload: {} });
    await e.runDue();
    // Attempt 1 failed: 10 s × 2^0, half fixed, half random (0 here) = 5 s.
    let row = (await job())!;
    assert.equal(row.state, 'queued');
    assert.equal(row.attempts, 1);
    assert.equal(row.runAt.getTime() - h.clock.now().getTime(), 5000);
    assert.ok(row.lastError?.includes('chat.postMessage failed'));
    assert.ok(
      !row.lastError?.includes('xoxb-1234') && !row.lastError?.includes('abc123'),
      row.lastError ?? '',
    );

    h.clock.advance(4999);
    await e.runDue();
    assert.equal(calls, 1, 'not before the backoff');
    h.clock.advance(1);
    await e.runDue();
    // Attempt 2 failed: 20 s, random 1 → the full 20 s.
    row = (await job())!;
    assert.equal(row.attempts, 2);
    assert.equal(row.runAt.getTime() - h.clock.now().getTime(), 20_000);

    h.clock.advance(20_000);
    const last = await e.runDue();
    row = (await job())!;
    assert.equal(calls, 3);
    assert.equal(row.state, 'dead');
    assert.equal(last.dead, 1);
    assert.deepEqual(retries, [5000, 20_000]);
    assert.deepEqual(
      deaths.map((d) => [d.kind, d.attempt]),
      [['post', 3]],
    );
    const dead = logs.lines().filter((l) => l.msg === 'job is dead: no more attempts');
    assert.equal(dead.length, 1);
    assert.equal(dead[0].kind, 'post');
    assert.equal(logs.lines().filter((l) => l.msg === 'job attempt failed; will retry').length, 2);
    assert.ok(!logs.text().includes('xoxb-1234') && !logs.text().includes('abc123'), 'no token in the logs');
    h.clock.advance(3600_000);
    await e.runDue();
    assert.equal(calls, 3, 'a dead job never runs again');
  });

  it('a snooze (Slack 429 Retry-After) runs it again later without using an attempt; a discard is dead at once', async () => {
    let snoozes = 0;
    const e = await h.engine({
      definitions: [
        {
          kind: 'post',
          maxAttempts: 1,
          async run() {
            if (snoozes++ < 3) throw new JobSnooze(30_000);
          },
        },
        {
          kind: 'gone',
          async run() {
            throw new JobDiscard('the event was deleted');
          },
        },
      ],
    });
    await e.enqueue({ kind: 'post', key: 'post:1', payload: {} });
    await e.enqueue({ kind: 'gone', key: 'gone:1', payload: {} });
    await e.runDue();
    const gone = (await h.tdb.db.models.Job.findOne({ where: { uniqueKey: 'gone:1' } }))!;
    assert.equal(gone.state, 'dead');
    assert.equal(gone.attempts, 1);
    assert.match(gone.lastError ?? '', /the event was deleted/);
    for (let i = 0; i < 3; i++) {
      const row = (await h.tdb.db.models.Job.findOne({ where: { uniqueKey: 'post:1' } }))!;
      assert.equal(row.state, 'queued');
      assert.equal(row.attempts, 0, 'a snooze is not a failed attempt');
      assert.equal(row.runAt.getTime(), h.clock.now().getTime() + 30_000);
      h.clock.advance(30_000);
      await e.runDue();
    }
    assert.equal((await h.tdb.db.models.Job.findOne({ where: { uniqueKey: 'post:1' } }))!.state, 'done');
  });

  it('runs at most `concurrency` attempts at once and still drains the queue', async () => {
    let inFlight = 0;
    let most = 0;
    const gates: (() => void)[] = [];
    const e = await h.engine({
      concurrency: 3,
      batchSize: 2,
      definitions: [
        {
          kind: 'work',
          async run() {
            inFlight += 1;
            most = Math.max(most, inFlight);
            const g = deferred();
            gates.push(g.resolve);
            await g.promise;
            inFlight -= 1;
          },
        },
      ],
    });
    for (let i = 0; i < 10; i++) await e.enqueue({ kind: 'work', payload: { i } });
    const pass = e.runDue();
    // Let one finish only when every slot is taken (or all that is left is running).
    let finished = 0;
    const release = setInterval(() => {
      if (gates.length > 0 && gates.length >= Math.min(3, 10 - finished)) {
        finished += 1;
        gates.shift()?.();
      }
    }, 1);
    const report = await pass;
    clearInterval(release);
    assert.equal(report.done, 10);
    assert.equal(most, 3);
  });

  it('reports how late each attempt started, for the job-lag metric', async () => {
    const lags: number[] = [];
    const r = recording('remind');
    const e = await h.engine({ definitions: [r.definition], events: { started: (s) => lags.push(s.lagMs) } });
    await e.enqueue({ kind: 'remind', payload: {}, runAt: h.clock.now() });
    h.clock.advance(1500);
    await e.runDue();
    assert.deepEqual(lags, [1500]);
  });
});
