import { performance } from 'node:perf_hooks';
import { calls, text } from '../test/fakes/gemini/server';
import { seedEvent } from '../test/fakes/google/seed';
import { ADA } from '../test/fakes/google/server';
import { startAgentBench } from './agent-world';
import { median, ms } from './slack-load';
import type { Benchmark } from './types';

const DELAY_MS = 300;
const RUNS = 7;

/**
 * One Gemini step asking for two tools at once (list_events and list_calendars, one Google request
 * each), every Google request delayed 300 ms: run in parallel the turn costs one delay, not two.
 */
export const agentParallelBenchmark: Benchmark = {
  name: `agent: a turn with two parallel tool calls, each Google call delayed ${DELAY_MS} ms`,
  async run() {
    const b = await startAgentBench();
    try {
      seedEvent(b.t.google.state, ADA.sub, {
        summary: 'Standup',
        start: { dateTime: new Date(Date.now() + 3600_000).toISOString() },
        end: { dateTime: new Date(Date.now() + 5400_000).toISOString() },
      });
      const start = new Date().toISOString().slice(0, 19);
      const step = () => calls({ name: 'list_events', args: { start } }, { name: 'list_calendars' });
      // Warm up the Google clients (first use builds them) without delays.
      b.gemini.push(step(), text('warm'));
      await b.turn('warm up', 'warm');
      b.t.google.state.delays = [{ match: /^\/calendar\//, ms: DELAY_MS }];
      const turns: number[] = [];
      let googleRequests = 0;
      for (let i = 0; i < RUNS; i++) {
        const marker = `both-${i}`;
        b.gemini.push(step(), text(marker));
        const r0 = b.t.google.state.requests.length;
        turns.push(await b.turn('What is on, and on which calendars?', marker));
        googleRequests = b.t.google.state.requests.length - r0;
      }
      const t0 = performance.now();
      b.gemini.push(text('no tools'));
      await b.turn('hello', 'no tools');
      const noTool = performance.now() - t0;
      const turn = median(turns);
      return [
        `Median of ${RUNS} turns; ${googleRequests} Google requests per turn, each answered after ${DELAY_MS} ms.`,
        '',
        '| measurement | time |',
        '|---|---|',
        `| tool time if run one after the other | ${ms(2 * DELAY_MS)} |`,
        `| whole turn, tools run in parallel (DM → answer posted) | ${ms(turn)} |`,
        `| of which beyond one ${DELAY_MS} ms delay | ${ms(turn - DELAY_MS)} |`,
        `| a turn with no tool at all, for comparison | ${ms(noTool)} |`,
        '',
        `Verdict: ${turn < 2 * DELAY_MS ? `the two calls overlap — ${ms(turn)} for the whole turn against ${ms(2 * DELAY_MS)} of tool time alone` : 'the calls did NOT overlap'}.`,
      ].join('\n');
    } finally {
      b.t.google.state.delays = [];
      await b.close();
    }
  },
};
