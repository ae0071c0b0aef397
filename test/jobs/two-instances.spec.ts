import assert from 'node:assert/strict';
import type { JobDefinition, JobEngine, RecurringTask } from '../../src/jobs/engine';
import { testDialect } from '../helpers/db';
import { type Harness, harness } from './harness';

const describeMysql = testDialect() === 'mysql' ? describe : describe.skip;

describeMysql(
  'jobs: two instances on one MariaDB (skipped on SQLite: embedded is one instance)',
  function () {
    this.timeout(60_000);
    let h: Harness;
    beforeEach(async () => {
      h = await harness();
    });
    afterEach(() => h.cleanup());

    it('two instances polling the same queue deliver each of 500 due jobs exactly once', async () => {
      const deliveries = new Map<string, string[]>();
      const make = (instance: string): JobDefinition => ({
        kind: 'remind',
        async run(_p, job) {
          deliveries.set(job.id, [...(deliveries.get(job.id) ?? []), instance]);
          // Yield like a Slack call would, so both instances have attempts in flight together.
          await new Promise((r) => setImmediate(r));
        },
      });
      const opts = { pollMs: 20, concurrency: 10, batchSize: 10, own: true };
      const a = await h.engine({ ...opts, definitions: [make('A')] });
      const b = await h.engine({ ...opts, definitions: [make('B')] });
      for (let i = 0; i < 500; i += 50) {
        await Promise.all(
          Array.from({ length: 50 }, (_, j) =>
            a.enqueue({ kind: 'remind', key: `remind:U${i + j}:ev`, payload: {} }),
          ),
        );
      }
      await Promise.all([a.start(), b.start()]);
      const Job = h.tdb.db.models.Job;
      for (let i = 0; i < 1000 && (await Job.count({ where: { state: 'done' } })) < 500; i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      await Promise.all([a.stop(5000), b.stop(5000)]);
      assert.equal(await Job.count({ where: { state: 'done' } }), 500);
      assert.equal(deliveries.size, 500);
      const twice = [...deliveries].filter(([, who]) => who.length !== 1);
      assert.deepEqual(twice, [], 'no job ran twice');
      const byA = [...deliveries.values()].filter((w) => w[0] === 'A').length;
      assert.ok(byA > 0 && byA < 500, `both instances worked (A ran ${byA} of 500)`);
    });

    it('a recurring job runs once per period across two instances', async () => {
      let runs = 0;
      const sweep: RecurringTask = {
        name: 'sweep',
        everyMs: 3600_000,
        async run() {
          runs += 1;
          await new Promise((r) => setTimeout(r, 5));
        },
      };
      const engines: JobEngine[] = [];
      for (let i = 0; i < 2; i++) {
        engines.push(await h.engine({ definitions: [], recurring: [sweep], pollMs: 3600_000, own: true }));
      }
      const together = () => Promise.all(engines.map((e) => e.runDue()));
      await Promise.all(engines.map((e) => e.start()));
      await together();
      await together();
      assert.equal(runs, 1);
      for (let period = 2; period <= 4; period++) {
        h.clock.advance(3600_000);
        await together();
        await together();
        assert.equal(runs, period);
      }
    });
  },
);
