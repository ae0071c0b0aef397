import { randomBytes } from 'node:crypto';
import { WebClient } from '@slack/web-api';
import { createConnection } from 'mysql2/promise';
import pino from 'pino';
import { type Database, migrate, openDatabase } from '../models/db';
import { createJobEngine, type JobDefinition, type JobEngine } from '../src/jobs/engine';
import { startFakeSlack } from '../test/fakes/slack/server';
import { ms, percentile, runLoad } from './slack-load';
import type { Benchmark } from './types';

const JOBS = 1000;
const BASE_URL = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';

/** A scratch MariaDB database for one run, dropped afterwards. */
async function scratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `lume_bench_${randomBytes(4).toString('hex')}`;
  const admin = await createConnection(BASE_URL);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    },
  };
}

/** The statement families the engine sends, to say where the SQL goes. */
function family(sql: string): string {
  const s = sql.replace(/^Executing \([^)]*\): /, '');
  if (/^(SET TRANSACTION|START TRANSACTION|COMMIT|ROLLBACK)/.test(s)) return 'claim transaction control';
  if (/FOR UPDATE SKIP LOCKED/.test(s)) return 'claim: locking read';
  if (/^UPDATE jobs SET state = 'running'/.test(s)) return 'claim: update';
  if (/^SELECT id FROM jobs WHERE state = 'queued'/.test(s)) return 'idle probe';
  if (/^UPDATE jobs SET state = CASE WHEN rerun = 1 THEN 'queued' ELSE 'done'/.test(s))
    return 'done (batched)';
  if (/lease_expires_at < /.test(s)) return 'takeover scan';
  if (/^UPDATE jobs SET lease_expires_at/.test(s)) return 'heartbeat';
  return 'other';
}

/**
 * 1,000 reminders due at the same instant for 1,000 people, two engines (each with its own pool) on
 * one MariaDB, each reminder one chat.postMessage through the real Slack client to the fake Slack.
 */
export const jobsBenchmark: Benchmark = {
  name: `jobs: ${JOBS} reminders due at once, two instances on MariaDB`,
  async run() {
    const scratch = await scratchDatabase();
    const slack = await startFakeSlack();
    const client = new WebClient('xoxb-test-token', {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
    });
    const setup = await openDatabase(scratch.url);
    await migrate(setup);
    const counts = new Map<string, number>();
    let statements = 0;
    const lateness: number[] = [];
    const dbs: Database[] = [];
    const engines: JobEngine[] = [];
    try {
      const remind: JobDefinition<{ person: string }> = {
        kind: 'remind',
        async run({ person }, job) {
          await client.chat.postMessage({ channel: `D${person}`, text: `reminder ${job.key}` });
          lateness.push(Date.now() - job.runAt.getTime());
        },
      };
      for (const id of ['bench-a', 'bench-b']) {
        const db = await openDatabase(scratch.url, {
          onQuery: (sql) => {
            statements += 1;
            const f = family(sql);
            counts.set(f, (counts.get(f) ?? 0) + 1);
          },
        });
        dbs.push(db);
        engines.push(
          createJobEngine({
            db,
            log: pino({ level: 'silent' }),
            now: () => new Date(),
            instanceId: id,
            definitions: [remind as JobDefinition],
          }),
        );
      }
      const enqueuer = createJobEngine({
        db: setup,
        log: pino({ level: 'silent' }),
        now: () => new Date(),
        instanceId: 'enqueuer',
        definitions: [remind as JobDefinition],
      });
      // Warm the client and the fake (JIT, sockets), then measure them alone: the floor for the burst.
      await runLoad(300, 40, () =>
        client.chat.postMessage({ channel: 'DWARM', text: 'warm-up' }).then(() => undefined),
      );
      const floor = await runLoad(JOBS, 40, () =>
        client.chat.postMessage({ channel: 'DFLOOR', text: 'floor' }).then(() => undefined),
      );
      slack.state.calls.length = 0;
      // Due 3 s from now: both engines are polling (each at its own phase) when the minute comes.
      const due = new Date(Date.now() + 3000);
      for (let i = 0; i < JOBS; i += 100) {
        await Promise.all(
          Array.from({ length: 100 }, (_, j) =>
            enqueuer.enqueue({
              kind: 'remind',
              key: `remind:U${i + j}:ev1`,
              runAt: due,
              payload: { person: `U${i + j}` },
            }),
          ),
        );
      }
      await Promise.all(engines.map((e) => e.start()));
      const idleFrom = Date.now();
      const idleBefore = statements;
      while (Date.now() < due.getTime()) await new Promise((r) => setTimeout(r, 20));
      const idle = statements - idleBefore;
      const atDue = statements;
      while (lateness.length < JOBS && Date.now() - due.getTime() < 120_000)
        await new Promise((r) => setTimeout(r, 20));
      const wall = Math.max(...lateness);
      const burst = statements - atDue;
      await Promise.all(engines.map((e) => e.stop(5000)));

      const posts = new Map<string, number>();
      for (const c of slack.state.calls) {
        if (c.method !== 'chat.postMessage') continue;
        const text = String(c.args.text);
        posts.set(text, (posts.get(text) ?? 0) + 1);
      }
      const duplicates = [...posts.values()].reduce((n, v) => n + (v - 1), 0);
      const missing = JOBS - posts.size;
      const sorted = [...lateness].sort((a, b) => a - b);
      const breakdown = [...counts]
        .sort((a, b) => b[1] - a[1])
        .map(([f, n]) => `${f} ${n}`)
        .join(', ');
      return [
        '| measurement | value |',
        '|---|---|',
        `| reminders delivered | ${posts.size} of ${JOBS} (${missing} missing) |`,
        `| duplicates | ${duplicates} |`,
        `| lateness p50 (due → chat.postMessage answered) | ${ms(percentile(sorted, 50))} |`,
        `| lateness p99 | ${ms(percentile(sorted, 99))} |`,
        `| lateness max = burst wall time (due → last post answered) | ${ms(wall)} |`,
        `| the same ${JOBS} posts from a plain loop, 40 in flight, no engine | ${ms(floor.wallMs)} |`,
        `| SQL statements per reminder (both engines, from due to the last post) | ${(burst / JOBS).toFixed(2)} |`,
        `| SQL statements while idle (both engines, the ${((due.getTime() - idleFrom) / 1000).toFixed(1)} s before due) | ${idle} |`,
        '',
        `Statements by family over the whole run: ${breakdown}.`,
      ].join('\n');
    } finally {
      for (const db of dbs) await db.close();
      await setup.close();
      await slack.close();
      await scratch.drop();
    }
  },
};
