import { performance } from 'node:perf_hooks';
import { createAgent } from '../src/agent';
import { FAKE_GEMINI_KEY, type FakeGemini, startFakeGemini } from '../test/fakes/gemini/server';
import { dmMessage, newTs } from '../test/fakes/slack/payloads';
import { createTestDatabase, type TestDatabase } from '../test/helpers/db';
import { startTestServer, type TestServer } from '../test/helpers/server';
import { connectSlackUser } from '../test/helpers/users';

export const BENCH_USER = 'U0BENCH';
const DM = 'D0BENCH';

/** The real server and agent against fake Slack, Google and Gemini on loopback, counting SQL statements. */
export interface AgentBench {
  t: TestServer;
  gemini: FakeGemini;
  db: TestDatabase;
  queries: () => number;
  /**
   * Send a signed DM; resolve with ms from sending it to the answer's post in the fake Slack, once
   * the whole turn (memory write included) has finished.
   */
  turn(text: string, answerMarker: string): Promise<number>;
  close(): Promise<void>;
}

export async function startAgentBench(): Promise<AgentBench> {
  let count = 0;
  const db = await createTestDatabase({
    onQuery: () => {
      count += 1;
    },
  });
  const gemini = await startFakeGemini();
  const t = await startTestServer({
    // debug: the dedupe middleware's "event processed" line marks the end of a turn (memory saved).
    logLevel: 'debug',
    database: db,
    env: { GEMINI_API_KEY: FAKE_GEMINI_KEY, GEMINI_BASE_URL: gemini.url, AGENT_TURNS_PER_MINUTE: '1000' },
    agent: (ctx, ports) => createAgent(ctx, ports),
  });
  t.slack.state.addUser({ id: BENCH_USER, name: 'Bench', tz: 'Europe/London' });
  await connectSlackUser(t.ctx, t.google, { slackUserId: BENCH_USER });
  return {
    t,
    gemini,
    db,
    queries: () => count,
    async turn(text, answerMarker) {
      const posted = t.slack.state.calls.length;
      const t0 = performance.now();
      const sent = await t.event(dmMessage({ user: BENCH_USER, text, channel: DM, ts: newTs() }));
      await t.slack.state.waitFor(
        () =>
          t.slack.state.calls
            .slice(posted)
            .find((c) => c.method === 'chat.postMessage' && String(c.args.text).includes(answerMarker)),
        'the answer',
      );
      const took = performance.now() - t0;
      await t.logs.processed(sent.eventId);
      return took;
    },
    async close() {
      await t.close();
      await gemini.close();
      await db.cleanup();
    },
  };
}
