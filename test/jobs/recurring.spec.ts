import assert from 'node:assert/strict';
import type { RecurringTask } from '../../src/jobs/engine';
import { type Harness, harness } from './harness';

const HOUR = 3600_000;

describe('jobs: recurring jobs on one instance', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness('2026-03-02T09:37:00.000Z');
  });
  afterEach(() => h.cleanup());

  /** An hourly task that records the engine time of each run. */
  const hourlySweep = () => {
    const runs: string[] = [];
    const sweep: RecurringTask = {
      name: 'sweep',
      everyMs: HOUR,
      async run() {
        runs.push(h.clock.now().toISOString());
        return 3;
      },
    };
    return { runs, sweep };
  };

  it('runs the current period at start, then once per period', async () => {
    const { runs, sweep } = hourlySweep();
    const e = await h.engine({ definitions: [], recurring: [sweep], pollMs: 3600_000 });
    await e.start();
    await e.runDue();
    await e.runDue();
    assert.deepEqual(runs, ['2026-03-02T09:37:00.000Z']);
    h.clock.set('2026-03-02T09:59:59.999Z');
    await e.runDue();
    assert.equal(runs.length, 1);
    h.clock.set('2026-03-02T10:00:00.000Z');
    await e.runDue();
    assert.deepEqual(runs, ['2026-03-02T09:37:00.000Z', '2026-03-02T10:00:00.000Z']);
    // A restart in the same period does not run it again.
    await e.start();
    const again = await h.engine({ definitions: [], recurring: [sweep] });
    await again.start();
    await again.runDue();
    assert.equal(runs.length, 2);
  });

  it('a failing period is retried while the next one is already scheduled', async () => {
    let fail = true;
    let ran = 0;
    const flaky: RecurringTask = {
      name: 'flaky',
      everyMs: HOUR,
      async run() {
        ran += 1;
        if (fail) throw new Error('database busy');
      },
    };
    const e = await h.engine({ definitions: [], recurring: [flaky], pollMs: 3600_000 });
    await e.start();
    await e.runDue();
    const keys = (await h.tdb.db.models.Job.findAll({ order: [['runAt', 'ASC']] })).map((j) => [
      j.uniqueKey,
      j.state,
    ]);
    assert.deepEqual(keys, [
      ['recurring:flaky:2026-03-02T09:00:00.000Z', 'queued'],
      ['recurring:flaky:2026-03-02T10:00:00.000Z', 'queued'],
    ]);
    fail = false;
    h.clock.advance(60_000);
    await e.runDue();
    assert.equal(ran, 2, 'the retry ran');
  });

  it('periods missed while every instance was down are skipped, not caught up', async () => {
    const { runs, sweep } = hourlySweep();
    const e = await h.engine({ definitions: [], recurring: [sweep], pollMs: 3600_000 });
    await e.start();
    await e.runDue();
    await e.stop(0);
    h.clock.set('2026-03-02T14:20:00.000Z');
    const later = await h.engine({ definitions: [], recurring: [sweep] });
    await later.start();
    await later.runDue();
    assert.deepEqual(runs, ['2026-03-02T09:37:00.000Z', '2026-03-02T14:20:00.000Z']);
  });

  it('a chain that ended (an older instance without the task ran its period) starts again at the next pass', async () => {
    const { runs, sweep } = hourlySweep();
    const current = await h.engine({ definitions: [], recurring: [sweep], poll: false });
    await current.start();
    const older = await h.engine({
      definitions: [],
      recurring: [{ name: 'other', everyMs: HOUR, run: async () => 0 }],
      poll: false,
    });
    await older.runDue();
    assert.deepEqual(runs, [], 'the older instance took the period and ended its chain');
    const queued = await h.tdb.db.models.Job.findAll({ where: { state: 'queued' } });
    assert.deepEqual(
      queued.map((j) => j.uniqueKey),
      ['recurring:other:2026-03-02T10:00:00.000Z'],
      'no next period of sweep',
    );
    h.clock.set('2026-03-02T10:05:00.000Z');
    await current.runDue();
    assert.deepEqual(runs, ['2026-03-02T10:05:00.000Z']);
  });
});
