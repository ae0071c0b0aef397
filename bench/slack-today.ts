import { performance } from 'node:perf_hooks';
import { seedEvent, seedMessage, seedTask } from '../test/fakes/google/seed';
import { startTestServer, type TestServer } from '../test/helpers/server';
import { connectSlackUser } from '../test/helpers/users';
import { median, ms } from './slack-load';
import type { Benchmark } from './types';

const DELAY_MS = 300;
const RUNS = 5;

async function seededUser(t: TestServer, i: number): Promise<string> {
  const slackUserId = `U_DAY${i}`;
  const sub = `5000${i}`;
  t.slack.state.addUser({ id: slackUserId, name: `day${i}`, tz: 'America/Los_Angeles' });
  await connectSlackUser(t.ctx, t.google, {
    slackUserId,
    account: { sub, email: `day${i}@example.com`, name: `Day ${i}` },
  });
  const today = new Date().toISOString().slice(0, 10);
  seedEvent(t.google.state, sub, {
    summary: 'Standup',
    start: { dateTime: new Date(Date.now() + 3600_000).toISOString() },
    end: { dateTime: new Date(Date.now() + 5400_000).toISOString() },
  });
  seedTask(t.google.state, sub, { title: 'Ship it', due: `${today}T00:00:00.000Z` });
  for (const subject of ['Q3 report', 'Outage follow-up', 'Offsite'])
    seedMessage(t.google.state, sub, {
      from: 'p@example.com',
      to: `day${i}@example.com`,
      subject,
      text: 'x',
      labelIds: ['INBOX', 'UNREAD', 'IMPORTANT'],
    });
  return slackUserId;
}

/** Command sent → agenda posted to response_url. */
async function todayWall(t: TestServer, userId: string): Promise<number> {
  const t0 = performance.now();
  const res = await t.command('today', userId);
  await t.slack.state.waitForResponse(res.responseUrl, 1);
  return performance.now() - t0;
}

export const slackTodayBenchmark: Benchmark = {
  name: `slack: /lume today wall time, every Google call delayed ${DELAY_MS} ms`,
  async run() {
    const t = await startTestServer({ logLevel: 'info' });
    try {
      const users: string[] = [];
      for (let i = 0; i < RUNS; i++) users.push(await seededUser(t, i));
      await t.command('help', users[0]); // Bolt's one-time auth.test, outside the measurement
      t.google.state.delays = [{ match: /./, ms: DELAY_MS }];

      // One Google call through the same client stack, for the ratio's denominator.
      const one: number[] = [];
      const user = await t.ctx.accounts.findBySlack(t.who.teamId, users[0]);
      const { apis } = await t.ctx.google.forUser(user as NonNullable<typeof user>);
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await apis.calendar().events.list({ calendarId: 'primary', maxResults: 1 });
        one.push(performance.now() - t0);
      }

      const cold: number[] = [];
      const warm: number[] = [];
      const requestsPerRun: number[] = [];
      for (const u of users) {
        const before = t.google.state.requests.length;
        cold.push(await todayWall(t, u));
        requestsPerRun.push(t.google.state.requests.length - before);
        warm.push(await todayWall(t, u));
      }
      const oneCall = median(one);
      const row = (name: string, v: number[]) =>
        `| ${name} | ${ms(median(v))} | ${(median(v) / oneCall).toFixed(2)}× |`;
      return [
        `Median of ${RUNS} runs, each a different person (so the first run is cold). ${median(requestsPerRun)} Google requests per cold agenda; sequentially they would take ≈ ${ms(median(requestsPerRun) * oneCall)}.`,
        '',
        '| measurement | wall time | × one call |',
        '|---|---|---|',
        row('one Google call (events.list) through googleapis', one),
        row('/lume today, first time for this person (cold)', cold),
        row('/lume today again (task lists and message headers cached)', warm),
        '',
        'Calendar, Tasks and Gmail run in parallel. The cold path has an unavoidable second round trip: Gmail returns message ids only, so subjects need messages.get, and task lists must be listed before their tasks. Those two answers are cached (message headers never change; task lists for 10 minutes), so every later agenda is one round trip.',
      ].join('\n');
    } finally {
      t.google.state.delays = [];
      await t.close();
    }
  },
};
