import assert from 'node:assert/strict';
import type { JobDefinition } from '../../src/jobs/engine';
import { deferred, type Harness, harness } from './harness';

/** A kind whose first attempt blocks until released; later attempts finish at once. Records who ran what. */
function blocking(kind = 'work', failFirst = false) {
  const gate = deferred();
  const started = deferred();
  const runs: { instance: string; attempt: number; aborted: () => boolean }[] = [];
  const make = (instance: string): JobDefinition => ({
    kind,
    async run(_payload, job) {
      runs.push({ instance, attempt: job.attempt, aborted: () => job.signal.aborted });
      if (runs.length === 1) {
        started.resolve();
        await gate.promise;
        if (failFirst) throw new Error('the frozen instance wakes up and fails');
      }
    },
  });
  return { gate, started, runs, make };
}

const until = async (check: () => Promise<boolean>, what: string) => {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('jobs: leases, takeover and shutdown', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.cleanup());
  const row = async () => (await h.tdb.db.models.Job.findOne())!;

  for (const late of ['success', 'failure'] as const) {
    it(`takes over a job when its lease expires (not before), and drops the lost attempt's late ${late}`, async () => {
      const b = blocking('work', late === 'failure');
      // No heartbeat from A: it stands for an instance that was killed or froze.
      const a = await h.engine({ definitions: [b.make('A')], leaseMs: 20_000, heartbeatMs: 3600_000 });
      const other = await h.engine({ definitions: [b.make('B')], leaseMs: 20_000 });
      await a.enqueue({ kind: 'work', key: 'work:1', payload: {} });
      const passA = a.runDue();
      await b.started.promise;
      assert.equal((await row()).leaseOwner?.startsWith('test-1/'), true);

      h.clock.advance(19_999);
      assert.deepEqual(await other.runDue(), { claimed: 0, done: 0, retried: 0, dead: 0, takenOver: 0 });
      h.clock.advance(2);
      const taken = await other.runDue();
      assert.equal(taken.takenOver, 1);
      assert.equal(taken.done, 1);
      assert.deepEqual(
        b.runs.map((r) => [r.instance, r.attempt]),
        [
          ['A', 1],
          ['B', 2],
        ],
      );
      b.gate.resolve();
      const lateA = await passA;
      assert.deepEqual(
        [lateA.done, lateA.retried, lateA.dead],
        [0, 0, 0],
        `A's late ${late} is not recorded`,
      );
      const final = await row();
      assert.equal(final.state, 'done');
      assert.equal(final.attempts, 2);
      assert.equal(final.lastError, null);
    });
  }

  it('renews the lease of a long job (heartbeat), so no other instance takes it over', async () => {
    const b = blocking();
    const a = await h.engine({
      definitions: [b.make('A')],
      leaseMs: 10_000,
      heartbeatMs: 20,
      pollMs: 3600_000,
    });
    const other = await h.engine({ definitions: [b.make('B')], leaseMs: 10_000 });
    await a.enqueue({ kind: 'work', payload: {} });
    await a.start();
    await b.started.promise;
    const first = (await row()).leaseExpiresAt!.getTime();
    for (let i = 0; i < 3; i++) {
      h.clock.advance(8000);
      const t = h.clock.now().getTime();
      await until(async () => (await row()).leaseExpiresAt!.getTime() >= t + 10_000, 'a renewed lease');
      assert.equal((await other.runDue()).takenOver, 0);
    }
    assert.ok(h.clock.now().getTime() > first, 'well past the first lease');
    b.gate.resolve();
    await until(async () => (await row()).state === 'done', 'the job to finish');
    assert.deepEqual(
      b.runs.map((r) => r.instance),
      ['A'],
    );
  });

  it('a job whose last attempt never finished is dead on takeover, and counted', async () => {
    const b = blocking();
    const deaths: string[] = [];
    const a = await h.engine({ definitions: [b.make('A')], heartbeatMs: 3600_000 });
    const other = await h.engine({
      definitions: [b.make('B')],
      events: { dead: (d) => deaths.push(d.reason) },
    });
    await a.enqueue({ kind: 'work', payload: {}, maxAttempts: 1 });
    void a.runDue();
    await b.started.promise;
    h.clock.advance(60_000);
    const report = await other.runDue();
    assert.equal(report.takenOver, 1);
    assert.equal(report.claimed, 0);
    assert.equal((await row()).state, 'dead');
    assert.match((await row()).lastError ?? '', /lease expired/);
    assert.deepEqual(deaths, ['lease expired']);
  });

  /** Two attempts: `quick` waits for the test, `slow` until aborted (then throws, as an aborted fetch does). */
  async function twoRunning() {
    const quick = deferred();
    const started: string[] = [];
    const stopRuns: string[] = [];
    const definitions: JobDefinition[] = [
      {
        kind: 'quick',
        async run() {
          started.push('quick');
          await quick.promise;
        },
      },
      {
        kind: 'slow',
        async run(_p, job) {
          started.push('slow');
          // Honours the abort signal, as a handler in the middle of a Slack call would (fetch aborts).
          await new Promise((_r, reject) =>
            job.signal.addEventListener('abort', () => reject(job.signal.reason)),
          );
        },
      },
      {
        kind: 'later',
        async run() {
          stopRuns.push('later');
        },
      },
    ];
    const events: string[] = [];
    const a = await h.engine({
      definitions,
      pollMs: 3600_000,
      events: { passed: () => events.push('passed'), stopped: () => events.push('stopped') },
    });
    await a.enqueue({ kind: 'quick', key: 'quick', payload: {} });
    await a.enqueue({ kind: 'slow', key: 'slow', payload: {} });
    await a.start();
    await until(async () => started.length === 2, 'both attempts to start');
    return { a, quick, stopRuns, events };
  }
  const byKey = async (k: string) => (await h.tdb.db.models.Job.findOne({ where: { uniqueKey: k } }))!;
  /** The hand-back is the slow row's only write: no retry written by its aborted handler. */
  async function handedBack() {
    const slow = await byKey('slow');
    assert.equal(slow.state, 'queued');
    assert.equal(slow.attempts, 0, 'the interrupted attempt is not counted');
    assert.equal(slow.leaseOwner, null);
    assert.equal(slow.lastError, null, "the aborted handler's failure is not recorded as a retry");
    assert.ok(slow.runAt.getTime() <= h.clock.now().getTime(), 'due again at once');
  }

  it('graceful stop: stops claiming, waits for running attempts up to the deadline, hands back the rest', async () => {
    const { a, quick, stopRuns, events } = await twoRunning();
    const stopping = a.stop(50);
    // Ends while the engine is stopping: waited for, recorded, not handed back.
    quick.resolve();
    const report = await stopping;
    assert.deepEqual(report, { finished: 1, handedBack: 1 });
    assert.equal((await byKey('quick')).state, 'done');
    await handedBack();
    assert.equal(events.at(-1), 'stopped');

    // A stopped engine claims nothing more.
    await a.enqueue({ kind: 'later', payload: {} });
    assert.equal((await a.runDue()).claimed, 0);
    assert.deepEqual(stopRuns, []);

    // Another instance runs the handed-back job straight away, no lease to wait out.
    let ranSlow = false;
    const b = await h.engine({
      definitions: [
        {
          kind: 'slow',
          async run() {
            ranSlow = true;
          },
        },
      ],
    });
    assert.equal((await b.runDue()).done, 1);
    assert.ok(ranSlow);
  });

  it('graceful stop: an attempt that ended before the deadline is not handed back while its ending is written', async () => {
    const { a, quick } = await twoRunning();
    // Under load the process can lose the CPU just as the deadline passes: the handler has returned
    // (its side effects are done) but its ending is not yet written when the deadline timer fires.
    setTimeout(() => {
      quick.resolve();
      const until = Date.now() + 150;
      while (Date.now() < until);
    }, 10);
    const report = await a.stop(50);
    assert.deepEqual(report, { finished: 1, handedBack: 1 });
    const q = await byKey('quick');
    assert.equal(q.state, 'done', 'not queued again to run twice');
    assert.equal(q.attempts, 1);
    await handedBack();
  });
});
