import { migrate, openDatabase } from '../models/db';
import { createAppJobEngine } from '../src/jobs/app-engine';
import type { JobEngine } from '../src/jobs/engine';
import { FAKE_GEMINI_KEY, type FakeGemini, startFakeGemini, text } from '../test/fakes/gemini/server';
import { seedEvent, seedTask } from '../test/fakes/google/seed';
import type { FakeGoogle } from '../test/fakes/google/server';
import { startFakeGoogle } from '../test/fakes/google/server';
import { startFakeSlack } from '../test/fakes/slack/server';
import type { TestDatabase } from '../test/helpers/db';
import { startTestServer, type TestServer } from '../test/helpers/server';
import { connectSlackUser } from '../test/helpers/users';
import { scratchDatabase } from './jobs';
import { percentile } from './slack-load';
import type { Benchmark } from './types';

const PEOPLE = Number(process.env.BENCH_BRIEFINGS ?? 2000);
const GOOGLE_DELAY_MS = 100;
/** What the fake Slack lets through: Slack's one per channel per second, and a workspace cap per second. */
const SLACK_LIMIT = { perChannel: { limit: 1, windowMs: 1000 }, perWorkspace: { limit: 10, windowMs: 1000 } };
/** Each instance's pacer, set faster than the fake allows for two, so that 429s happen and must be honoured. */
const PACER = { workspacePerSecond: 20, workspaceBurst: 20 };

/** One instance's own connection pool on the shared database. */
async function instanceDb(url: string): Promise<TestDatabase> {
  const db = await openDatabase(url);
  return { db, url, cleanup: () => db.close() };
}

function seedDay(google: FakeGoogle, sub: string, i: number): void {
  const start = new Date(Date.now() + 3 * 3600_000);
  seedEvent(google.state, sub, {
    summary: `Meeting ${i}`,
    start: { dateTime: start.toISOString() },
    end: { dateTime: new Date(start.getTime() + 1800_000).toISOString() },
  });
  seedTask(google.state, sub, {
    title: 'Send the notes',
    due: `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`,
  });
}

function summary(lags: number[]): string {
  if (!lags.length) return 'none';
  const s = [...lags].sort((x, y) => x - y);
  return `median ${percentile(s, 50)} ms, max ${s.at(-1)} ms`;
}

async function inBatches<T>(
  items: T[],
  size: number,
  fn: (item: T, i: number) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size)
    await Promise.all(items.slice(i, i + size).map((item, j) => fn(item, i + j)));
}

/**
 * PEOPLE people with a briefing at the same UTC minute, two Lume instances (each its own pool and
 * a polling job engine, as src/run.ts starts it) on one MariaDB, every Google call delayed, the fake
 * Slack enforcing rate limits, the fake Gemini answering every briefing.
 */
export const briefingBurstBenchmark: Benchmark = {
  name: `briefing: ${PEOPLE} briefings at the same minute, two instances on MariaDB, Google +${GOOGLE_DELAY_MS} ms, Slack rate-limited`,
  async run() {
    const scratch = await scratchDatabase();
    const setup = await openDatabase(scratch.url);
    await migrate(setup);
    await setup.close();
    const google = await startFakeGoogle();
    const slack = await startFakeSlack();
    const gemini: FakeGemini = await startFakeGemini();
    const servers: TestServer[] = [];
    const engines: JobEngine[] = [];
    try {
      // Each instance with its own token, so the fake Slack can tell who was told to wait.
      slack.state.botTokens.add('xoxb-test-token-2');
      for (let n = 0; n < 2; n++)
        servers.push(
          await startTestServer({
            database: await instanceDb(scratch.url),
            google,
            slack,
            logLevel: 'warn',
            postLimits: PACER,
            env: {
              GEMINI_API_KEY: FAKE_GEMINI_KEY,
              GEMINI_BASE_URL: gemini.url,
              SLACK_BOT_TOKEN: n ? 'xoxb-test-token-2' : 'xoxb-test-token',
            },
          }),
        );
      const [a] = servers;
      const ids = Array.from({ length: PEOPLE }, (_, i) => `U_B${i}`);
      await inBatches(ids, 25, async (slackUserId, i) => {
        const sub = `9${String(i).padStart(6, '0')}`;
        slack.state.addUser({ id: slackUserId, name: slackUserId.toLowerCase(), tz: 'UTC' });
        await connectSlackUser(a.ctx, google, {
          slackUserId,
          account: { sub, email: `b${i}@example.com`, name: slackUserId },
        });
        await a.ctx.settings.refreshTimeZone({ teamId: a.who.teamId, slackUserId }, 'UTC');
        seedDay(google, sub, i);
      });
      // The minute: far enough away that every briefing is planned before it (setting 2,000 takes a while here).
      const minute = new Date(Math.ceil((Date.now() + PEOPLE * 60 + 20_000) / 60_000) * 60_000);
      const briefing = { hour: minute.getUTCHours(), minute: minute.getUTCMinutes(), days: 'daily' as const };
      await inBatches(ids, 25, async (slackUserId) => {
        await a.ctx.settings.update({ teamId: a.who.teamId, slackUserId }, { briefing });
      });
      const planned = await a.ctx.db.models.Job.count({ where: { kind: 'briefing', state: 'queued' } });
      if (Date.now() >= minute.getTime()) throw new Error('setup ran past the briefing minute');
      for (let i = 0; i < PEOPLE + 10; i++) gemini.push(() => text('Meeting at noon; send the notes first.'));
      google.state.delays = [{ match: /./, ms: GOOGLE_DELAY_MS }];
      slack.state.rateLimits.rules = [{ method: 'chat.postMessage', ...SLACK_LIMIT }];
      slack.state.calls.length = 0;
      const googleBefore = google.state.requests.length;
      const geminiBefore = gemini.requests.length;
      // As production runs it: the test servers' timer-less engines make way for polling ones.
      for (const [n, s] of servers.entries()) {
        await s.engine.stop(0);
        const engine = createAppJobEngine(s.ctx, {
          instanceId: `bench-${n}`,
          ports: { messenger: s.lume.messenger },
        });
        engines.push(engine);
        await engine.start();
      }
      const briefed = () => slack.state.messages.filter((m) => /^Your briefing/.test(m.text ?? ''));
      const arrivals: number[] = [];
      let seen = 0;
      const give = Date.now() + 15 * 60_000;
      while (seen < PEOPLE && Date.now() < give) {
        await new Promise((r) => setTimeout(r, 100));
        const now = briefed().length;
        for (; seen < now; seen++) arrivals.push(Date.now() - minute.getTime());
      }
      await new Promise((r) => setTimeout(r, 3000)); // anything late or doubled shows up here
      const messages = briefed();
      const perChannel = new Map<string, number>();
      for (const m of messages) perChannel.set(m.channel, (perChannel.get(m.channel) ?? 0) + 1);
      const duplicates = [...perChannel.values()].reduce((n, v) => n + v - 1, 0);
      const googleCalls = google.state.requests.slice(googleBefore);
      const apiCalls = googleCalls.filter((r) => !/\/token|\/revoke|oauth/.test(r.path)).length;
      const s = [...arrivals].sort((x, y) => x - y);
      const sec = (v: number) => `${(v / 1000).toFixed(1)} s`;
      return [
        "| briefings planned | delivered | duplicates | minute → first | → median | → last | 429s seen | 429s ignored by the instance told | posts inside another instance's Retry-After | Google API calls per briefing | Google calls (all) per briefing | Gemini calls per briefing |",
        '|---|---|---|---|---|---|---|---|---|---|---|---|',
        `| ${planned} | ${perChannel.size} / ${PEOPLE} | ${duplicates} | ${sec(s[0] ?? Number.NaN)} | ${sec(percentile(s, 50))} | ${sec(s.at(-1) ?? Number.NaN)} | ${slack.state.rateLimits.limited} | ${slack.state.rateLimits.ignoredBySender} | ${slack.state.rateLimits.unhonoured} | ${(apiCalls / PEOPLE).toFixed(2)} | ${(googleCalls.length / PEOPLE).toFixed(2)} | ${((gemini.requests.length - geminiBefore) / PEOPLE).toFixed(2)} |`,
        '',
        `Calls that came back inside their own Retry-After were early by: ${summary(slack.state.rateLimits.ignoredEarlyMs)}.`,
        `Google requests the fake recorded: ${googleBefore} before the minute, ${google.state.requests.length} after.`,
        `Fake Slack limits on chat.postMessage: ${SLACK_LIMIT.perChannel.limit}/s per channel, ${SLACK_LIMIT.perWorkspace.limit}/s per workspace; each instance's pacer set to ${PACER.workspacePerSecond}/s (burst ${PACER.workspaceBurst}) so that two together overrun it and the 429 path is exercised. Engine concurrency: 20 per instance; agendas built at once: 8 per instance.`,
        `"Ignored by the instance told": a post from the instance (its own token) that had received a 429 and arrived before its Retry-After ran out — exact, since an instance has one post per workspace in flight. "Inside another instance's Retry-After": posts that arrived more than ${slack.state.rateLimits.graceMs} ms after the fake Slack answered 429 to anyone and before that wait ran out (the pause is shared through the database, read before each post, so these are posts already on their way when the pause was written; their lag after the 429: ${summary(slack.state.rateLimits.unhonouredAfterMs)}).`,
      ].join('\n');
    } finally {
      for (const e of engines) await e.stop(5000).catch(() => undefined);
      for (const s of servers) await s.close().catch(() => undefined);
      for (const s of servers) await s.tdb.cleanup().catch(() => undefined);
      await google.close();
      await slack.close();
      await gemini.close();
      await scratch.drop();
    }
  },
};
