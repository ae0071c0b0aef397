import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { type FakeGoogle, startFakeGoogle } from '../fakes/google/server';
import { type FakeSlack, startFakeSlack } from '../fakes/slack/server';
import { googleEnv, TEST_KEY } from '../helpers/config';
import { createTestDatabase, type TestDatabase, testDialect } from '../helpers/db';
import type { TestServer } from '../helpers/server';
import { meeting, minutes, type Person, person, reminderServer, TestClock } from './reminder-world';

const describeMysql = testDialect() === 'mysql' ? describe : describe.skip;
const T0 = '2027-01-12T17:00:00.000Z';
const PEOPLE = 24;

/** "Once, across instances" for reminders: real MariaDB, two (or a killed) Lume instances, one fake Slack. */
describeMysql(
  'notify: reminders across instances (MariaDB; skipped on SQLite: embedded is one instance)',
  function () {
    this.timeout(90_000);
    const clock = new TestClock(Date.parse(T0));
    const start = new Date(Date.parse(T0) + minutes(30));
    const due = new Date(start.getTime() - minutes(5));
    let tdb: TestDatabase;
    let google: FakeGoogle;
    let slack: FakeSlack;
    let servers: TestServer[] = [];
    let child: ChildProcess | undefined;
    const done: Record<string, number> = {};

    const instance = async () => {
      const n = servers.length;
      const s = await reminderServer(clock, {
        database: tdb,
        google,
        slack,
        jobs: {
          events: {
            done: (e) => {
              if (e.kind === 'reminder') done[n] = (done[n] ?? 0) + 1;
            },
          },
        },
      });
      servers.push(s);
      return s;
    };

    /** PEOPLE linked people, each with one meeting, every reminder due in the same minute. */
    const plan = async (t: TestServer): Promise<Person[]> => {
      const people: Person[] = [];
      for (let i = 0; i < PEOPLE; i++) {
        const p = await person(t, `U_P${i}`, 'America/Los_Angeles');
        await p.calendar.put(meeting(`evp${i}`, start));
        people.push(p);
      }
      return people;
    };

    beforeEach(async () => {
      clock.set(T0);
      tdb = await createTestDatabase();
      google = await startFakeGoogle();
      slack = await startFakeSlack();
      servers = [];
      for (const k of Object.keys(done)) delete done[k];
    });
    afterEach(async () => {
      child?.kill('SIGKILL');
      for (const s of servers) await s.close();
      await google.close();
      await slack.close();
      await tdb.cleanup();
    });

    it('two instances on one database deliver each reminder exactly once', async () => {
      const [a, b] = [await instance(), await instance()];
      const people = await plan(a);
      clock.set(due);
      await Promise.all([a.engine.runDue(), b.engine.runDue(), a.engine.runDue(), b.engine.runDue()]);
      for (const p of people) assert.equal(p.reminders().length, 1, `${p.slackUserId} got one DM`);
      assert.equal(slack.state.calls.filter((c) => c.method === 'chat.postMessage').length, PEOPLE);
      assert.equal((done[0] ?? 0) + (done[1] ?? 0), PEOPLE);
      assert.equal(await tdb.db.models.Notice.count(), PEOPLE);
    });

    it('kill -9 of an instance with reminders in flight loses none: the survivor sends them once their lease expires', async () => {
      const survivor = await instance();
      const people = await plan(survivor);
      // The doomed instance's attempts hang inside Google's events.get: in flight, not yet at Slack.
      google.state.delays.push({ match: /\/calendar\/v3\/calendars\/primary\/events\//, ms: 60_000 });
      const env = { SLACK_API_URL: slack.apiUrl, ...googleEnv(google.url), TOKEN_ENCRYPTION_KEY: TEST_KEY };
      child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          join(__dirname, 'fixtures', 'reminder-instance.ts'),
          tdb.url,
          JSON.stringify(env),
          due.toISOString(),
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      child.stderr?.on('data', (d) => {
        stderr += d;
      });
      const Job = tdb.db.models.Job;
      for (let i = 0; i < 1500; i++) {
        if ((await Job.count({ where: { kind: 'reminder', state: 'running' } })) >= 10) break;
        if (child.exitCode !== null) throw new Error(`the doomed instance died early: ${stderr}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const exited = new Promise((r) => child?.once('exit', r));
      child.kill('SIGKILL');
      await exited;
      const stranded = await Job.count({ where: { kind: 'reminder', state: 'running' } });
      assert.ok(stranded >= 10, `the killed instance held ${stranded} reminders`);
      assert.equal(slack.state.messages.length, 0, 'none reached Slack before the kill');
      google.state.delays.length = 0;

      clock.set(due);
      const first = await survivor.engine.runDue();
      assert.equal(first.takenOver, 0, 'leases still held: left alone');
      clock.advance(3000); // past the killed instance's 2 s lease, still within 60 s of due
      const second = await survivor.engine.runDue();
      // The killed instance also held housekeeping jobs it had claimed; every reminder is among those taken over.
      assert.ok(second.takenOver >= stranded, `${second.takenOver} taken over`);
      for (const p of people) assert.equal(p.reminders().length, 1, `${p.slackUserId} got one DM`);
      assert.equal(await Job.count({ where: { kind: 'reminder', state: 'done' } }), PEOPLE);
    });
  },
);
