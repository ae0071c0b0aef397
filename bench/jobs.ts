import { randomBytes } from 'node:crypto';
import { WebClient } from '@slack/web-api';
import { createConnection } from 'mysql2/promise';
import pino from 'pino';
import { migrate, openDatabase } from '../models/db';
import { createJobEngine, type JobDefinition } from '../src/jobs/engine';
import { startFakeSlack } from '../test/fakes/slack/server';
import { ms, percentile, runLoad } from './slack-load';
import type { Benchmark } from './types';

const JOBS = 1000;
const BASE_URL = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';
const silent = pino({ level: 'silent' });

/** A scratch MariaDB database for one run, dropped afterwards. */
export async function scratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
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

interface Burst {
  delivered: number;
  duplicates: number;
  lateness: number[];
  perJob: number;
  idle: { statements: number; seconds: number };
  families: Map<string, number>;
}

/**
 * JOBS jobs due at the same instant, two engines with their own pools on one fresh MariaDB database,
 * default settings. `deliver` is the handler's work; it returns the delivery's identity for the
 * duplicate count.
 */
async function burst(deliver: (key: string, person: string) => Promise<void>): Promise<Burst> {
  const scratch = await scratchDatabase();
  const setup = await openDatabase(scratch.url);
  await migrate(setup);
  const families = new Map<string, number>();
  const deliveries = new Map<string, number>();
  const lateness: number[] = [];
  let statements = 0;
  const remind: JobDefinition<{ person: string }> = {
    kind: 'remind',
    async run({ person }, job) {
      await deliver(job.key ?? job.id, person);
      deliveries.set(job.id, (deliveries.get(job.id) ?? 0) + 1);
      lateness.push(Date.now() - job.runAt.getTime());
    },
  };
  const dbs = [setup];
  try {
    const engines = [];
    for (const id of ['bench-a', 'bench-b']) {
      const db = await openDatabase(scratch.url, {
        onQuery: (sql) => {
          statements += 1;
          const f = family(sql);
          families.set(f, (families.get(f) ?? 0) + 1);
        },
      });
      dbs.push(db);
      const definitions = [remind as JobDefinition];
      engines.push(createJobEngine({ db, log: silent, now: () => new Date(), instanceId: id, definitions }));
    }
    const enqueuer = createJobEngine({
      db: setup,
      log: silent,
      now: () => new Date(),
      instanceId: 'enqueuer',
      definitions: [remind as JobDefinition],
    });
    // Due 3 s from now: both engines are polling (each at its own phase) when the moment comes.
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
    while (Date.now() < due.getTime()) await new Promise((r) => setTimeout(r, 5));
    const idle = { statements: statements - idleBefore, seconds: (due.getTime() - idleFrom) / 1000 };
    const atDue = statements;
    while (lateness.length < JOBS && Date.now() - due.getTime() < 120_000)
      await new Promise((r) => setTimeout(r, 20));
    const perJob = (statements - atDue) / JOBS;
    await Promise.all(engines.map((e) => e.stop(5000)));
    const duplicates = [...deliveries.values()].reduce((n, v) => n + v - 1, 0);
    return { delivered: deliveries.size, duplicates, lateness, perJob, idle, families };
  } finally {
    for (const db of dbs) await db.close();
    await scratch.drop();
  }
}

function row(label: string, b: Burst): string {
  const s = [...b.lateness].sort((x, y) => x - y);
  return `| ${label} | ${b.delivered} / ${JOBS} | ${b.duplicates} | ${ms(percentile(s, 50))} | ${ms(percentile(s, 99))} | ${ms(s.at(-1) ?? Number.NaN)} | ${b.perJob.toFixed(2)} |`;
}

/**
 * 1,000 reminders due at the same instant for 1,000 people, two engines on one MariaDB: once with a
 * handler that does nothing (the engine alone), once posting each through the real Slack client to the
 * fake Slack (what a reminder costs end to end on this machine).
 */
export const jobsBenchmark: Benchmark = {
  name: `jobs: ${JOBS} reminders due at once, two instances on MariaDB`,
  async run() {
    const slack = await startFakeSlack();
    const client = new WebClient('xoxb-test-token', {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
    });
    try {
      const post = (text: string, channel: string) =>
        client.chat.postMessage({ channel, text }).then(() => undefined);
      const engineOnly = await burst(async () => {});
      // Warm the client and the fake (JIT, sockets), then time them alone: the floor for the Slack burst.
      await runLoad(300, 40, () => post('warm-up', 'DWARM'));
      const floor = await runLoad(JOBS, 40, () => post('floor', 'DFLOOR'));
      slack.state.calls.length = 0;
      const withSlack = await burst((key, person) => post(`reminder ${key}`, `D${person}`));
      const posted = new Map<string, number>();
      for (const c of slack.state.callsTo('chat.postMessage')) {
        posted.set(String(c.args.text), (posted.get(String(c.args.text)) ?? 0) + 1);
      }
      const slackDuplicates = [...posted.values()].reduce((n, v) => n + v - 1, 0);
      const families = [...withSlack.families]
        .sort((a, b) => b[1] - a[1])
        .map(([f, n]) => `${f} ${n}`)
        .join(', ');
      return [
        '| handler | delivered | duplicates | lateness p50 | p99 | max (= burst wall time) | SQL statements per job |',
        '|---|---|---|---|---|---|---|',
        row('nothing (the engine alone)', engineOnly),
        row('chat.postMessage through @slack/web-api to the fake Slack', withSlack),
        '',
        `Lateness is due → handler finished (for Slack: chat.postMessage answered). Slack saw ${posted.size} distinct reminders, ${slackDuplicates} more than once.`,
        `The same ${JOBS} posts from a plain loop, 40 in flight, no engine: ${ms(floor.wallMs)}.`,
        `Idle, before the burst: ${withSlack.idle.statements} statements from both engines in ${withSlack.idle.seconds.toFixed(1)} s.`,
        `Statements of the Slack run by family: ${families}.`,
      ].join('\n');
    } finally {
      await slack.close();
    }
  },
};
