import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { testDialect } from '../helpers/db';
import { type Harness, harness } from './harness';

const describeMysql = testDialect() === 'mysql' ? describe : describe.skip;
const JOBS = 40;

describeMysql(
  'jobs: kill -9 of an instance mid-work (skipped on SQLite: embedded is one instance)',
  function () {
    this.timeout(60_000);
    let h: Harness;
    let child: ChildProcess | undefined;
    beforeEach(async () => {
      h = await harness(new Date().toISOString());
    });
    afterEach(async () => {
      child?.kill('SIGKILL');
      await h.cleanup();
    });

    const marks = async () =>
      (await h.tdb.db.sequelize.query('SELECT job_id, instance FROM job_marks', { type: 'SELECT' })) as {
        job_id: string;
        instance: string;
      }[];

    it('the survivor takes over the killed instance’s jobs once their lease expires: none lost, none run twice by it', async () => {
      const q = h.tdb.db.sequelize;
      await q.query('CREATE TABLE job_marks (job_id CHAR(36) NOT NULL, instance VARCHAR(32) NOT NULL)');
      // The survivor's clock is real time plus whatever the test adds, so it can step past the child's lease.
      let offset = 0;
      const survivor = await h.engine({
        now: () => new Date(Date.now() + offset),
        leaseMs: 2000,
        definitions: [
          {
            kind: 'work',
            async run(_p, job) {
              await q.query('INSERT INTO job_marks (job_id, instance) VALUES (?, ?)', {
                replacements: [job.id, 'survivor'],
              });
            },
          },
        ],
      });
      for (let i = 0; i < JOBS; i++) await survivor.enqueue({ kind: 'work', key: `work:${i}`, payload: {} });

      child = spawn(
        process.execPath,
        ['--import', 'tsx', join(__dirname, 'fixtures', 'blocking-instance.ts'), h.tdb.url, 'doomed'],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr?.on('data', (d) => {
        stderr += d;
      });
      for (let i = 0; i < 1500; i++) {
        if ((await marks()).length >= 10) break;
        if (child.exitCode !== null) throw new Error(`the child instance died early: ${stderr}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const byChild = (await marks()).map((m) => m.job_id);
      assert.equal(byChild.length, 10, 'the child has every slot busy, each attempt inside its handler');

      const exited = new Promise((r) => child?.once('exit', r));
      child.kill('SIGKILL');
      await exited;
      const Job = h.tdb.db.models.Job;
      // Its claims also hold jobs waiting for a slot: stranded too until the lease runs out.
      const stranded = await Job.count({ where: { state: 'running' } });
      assert.ok(stranded >= 10 && stranded < JOBS, `the killed instance held ${stranded} jobs`);

      // Within the lease, the survivor runs everything else but leaves the dead instance's jobs alone.
      const first = await survivor.runDue();
      assert.equal(first.takenOver, 0);
      assert.equal(first.done, JOBS - stranded);
      offset += 2500;
      const second = await survivor.runDue();
      assert.equal(second.takenOver, stranded);
      assert.equal(second.done, stranded);

      assert.equal(await Job.count({ where: { state: 'done' } }), JOBS, 'none lost');
      const bySurvivor = (await marks()).filter((m) => m.instance === 'survivor').map((m) => m.job_id);
      assert.equal(bySurvivor.length, JOBS);
      assert.equal(new Set(bySurvivor).size, JOBS, 'the survivor ran each job once');
      for (const id of byChild)
        assert.ok(bySurvivor.includes(id), 'every job the killed instance held was run again');
    });
  },
);
