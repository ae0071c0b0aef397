import { migrate, openDatabase } from '../models/db';
import { createAppJobEngine } from '../src/jobs/app-engine';
import type { JobEngine } from '../src/jobs/engine';
import type { Messenger } from '../src/notify/messenger';
import { startFakeGoogle } from '../test/fakes/google/server';
import { startFakeSlack } from '../test/fakes/slack/server';
import { calendarDriver } from '../test/helpers/calendar-events';
import type { TestDatabase } from '../test/helpers/db';
import { startTestServer, type TestServer } from '../test/helpers/server';
import { connectSlackUser } from '../test/helpers/users';
import { scratchDatabase } from './jobs';
import { ms, percentile } from './slack-load';
import type { Benchmark } from './types';

const PEOPLE = Number(process.env.BENCH_REMINDER_PEOPLE ?? 1000);
const LEAD_MINUTES = 5;

/** The server's messenger, timing each post from its due time to Slack's answer (on the server's clock). */
function timed(m: Messenger, now: () => Date, lateness: number[]): Messenger {
  return {
    async post(person, notice, o) {
      const posted = await m.post(person, notice, o);
      lateness.push(now().getTime() - o.dueAt.getTime());
      return posted;
    },
    update: (...args) => m.update(...args),
  };
}

/**
 * The real reminder path at burst scale: PEOPLE linked people, one meeting each, planned through the
 * calendar feed with reminders due in the same minute; two Lume instances (own pools, polling
 * engines) on one MariaDB, each reminder re-reading its event from the fake Google and posting
 * through the real Slack messenger to the fake Slack.
 */
export const remindersBenchmark: Benchmark = {
  name: `reminders: ${PEOPLE} people, ${PEOPLE} reminders due in the same minute, two instances on MariaDB`,
  async run() {
    const db = await scratchDatabase();
    const google = await startFakeGoogle();
    const slack = await startFakeSlack();
    let statements = 0;
    const count = {
      onQuery: () => {
        statements += 1;
      },
    };
    // The servers' clock: shifted so the burst's due time arrives right after planning, whatever planning took.
    let shift = 0;
    const now = () => new Date(Date.now() + shift);
    const servers: TestServer[] = [];
    const engines: JobEngine[] = [];
    const lateness: number[] = [];
    const pools: { close(): Promise<void> }[] = [];
    try {
      const setup = await openDatabase(db.url);
      await migrate(setup);
      await setup.close();
      for (let i = 0; i < 2; i++) {
        const pool = await openDatabase(db.url, count);
        pools.push(pool);
        const tdb: TestDatabase = { db: pool, url: db.url, cleanup: () => pool.close() };
        servers.push(await startTestServer({ database: tdb, google, slack, now, logLevel: 'warn' }));
      }
      const [a] = servers;
      const due = new Date(Date.now() + 3_600_000);
      const start = new Date(due.getTime() + LEAD_MINUTES * 60_000);
      for (let i = 0; i < PEOPLE; i += 25) {
        await Promise.all(
          Array.from({ length: Math.min(25, PEOPLE - i) }, async (_, j) => {
            const n = i + j;
            const id = `U${String(n).padStart(5, '0')}`;
            const linked = await connectSlackUser(a.ctx, google, {
              slackUserId: id,
              account: { sub: String(500000 + n), email: `p${n}@example.com`, name: `P ${n}` },
            });
            const cal = calendarDriver(a.ctx, google, { sub: linked.account.sub, userId: linked.user.id });
            await cal.put({
              id: `evbench${n}`,
              summary: `Standup ${n}`,
              start: { dateTime: start.toISOString() },
              end: { dateTime: new Date(start.getTime() + 900_000).toISOString() },
              hangoutLink: 'https://meet.google.com/abc-defg-hij',
            });
          }),
        );
      }
      for (const [i, s] of servers.entries()) {
        const messenger = timed(s.lume.messenger, now, lateness);
        engines.push(createAppJobEngine(s.ctx, { instanceId: `bench-${i}`, ports: { messenger } }));
      }
      shift = due.getTime() - (Date.now() + 3000);
      await Promise.all(engines.map((e) => e.start()));
      while (now() < due) await new Promise((r) => setTimeout(r, 5));
      const atDue = statements;
      const wallFrom = Date.now();
      while (lateness.length < PEOPLE && Date.now() - wallFrom < 180_000)
        await new Promise((r) => setTimeout(r, 20));
      const perReminder = (statements - atDue) / PEOPLE;
      const wall = Date.now() - wallFrom;
      await Promise.all(engines.map((e) => e.stop(5000)));
      const perChannel = new Map<string, number>();
      for (const c of slack.state.callsTo('chat.postMessage'))
        perChannel.set(String(c.args.channel), (perChannel.get(String(c.args.channel)) ?? 0) + 1);
      const duplicates = [...perChannel.values()].reduce((n, v) => n + v - 1, 0);
      const sorted = [...lateness].sort((x, y) => x - y);
      // A run that fell short says why (the instances' own warnings and errors).
      const problems =
        perChannel.size < PEOPLE
          ? servers.flatMap((s) => s.logs.lines.filter((l) => Number(l.level) >= 40)).slice(0, 3)
          : [];
      return [
        '| delivered | duplicates | lateness p50 | p99 | max | burst wall time | SQL statements per reminder |',
        '|---|---|---|---|---|---|---|',
        `| ${perChannel.size} / ${PEOPLE} | ${duplicates} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 99))} | ${ms(sorted.at(-1) ?? Number.NaN)} | ${ms(wall)} | ${perReminder.toFixed(1)} |`,
        '',
        ...problems.map((p) => `Problem: ${JSON.stringify(p).slice(0, 600)}`),
        'Lateness is due → chat.postMessage answered, on the instances’ clock; each reminder re-reads its event (events.get on the fake Google) and checks and records its notice. Statements are both instances’ pools from the due time to the last post (claims, reads, notice records, done marks, heartbeats).',
      ].join('\n');
    } finally {
      for (const e of engines) await e.stop(0).catch(() => undefined);
      for (const s of servers) await s.close();
      for (const p of pools) await p.close();
      await google.close();
      await slack.close();
      await db.drop();
    }
  },
};
