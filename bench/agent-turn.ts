import { call, type ReplyStep, text } from '../test/fakes/gemini/server';
import { type AgentBench, startAgentBench } from './agent-world';
import { median, ms, percentile } from './slack-load';
import type { Benchmark } from './types';

const TURNS = 60;
const WARMUP = 10;

async function measure(b: AgentBench, label: string, before: ReplyStep[]): Promise<string> {
  const times: number[] = [];
  const queries: number[] = [];
  for (let i = 0; i < WARMUP + TURNS; i++) {
    const marker = `answer-${i}-${label.length}`;
    b.gemini.push(...before, text(marker));
    const q0 = b.queries();
    const took = await b.turn(`question ${i}`, marker);
    if (i < WARMUP) continue;
    times.push(took);
    queries.push(b.queries() - q0);
  }
  const sorted = [...times].sort((x, y) => x - y);
  return `| ${label} | ${ms(median(times))} | ${ms(percentile(sorted, 95))} | ${median(queries)} |`;
}

/**
 * What Lume itself adds to a turn, with every fake answering at once: signed DM event → account,
 * memory and user lookups → Gemini → (tool) → Gemini → answer posted → memory saved.
 */
export const agentTurnBenchmark: Benchmark = {
  name: 'agent: turn overhead with zero-latency fakes (DM event → answer posted)',
  async run() {
    const b = await startAgentBench();
    try {
      const direct = await measure(b, 'text answer, no tool', []);
      const withTool = await measure(b, 'one tool call (get_current_time), then the answer', [
        call('get_current_time'),
      ]);
      return [
        `${TURNS} turns after ${WARMUP} warm-up turns, one person, top-level DM (posted, not streamed), ${b.db.db.dialect} database.`,
        '',
        '| turn | median | p95 | SQL statements per turn |',
        '|---|---|---|---|',
        direct,
        withTool,
        '',
        "Time runs from sending the signed event to the fake Slack recording the answer, including the loopback HTTP hops to the fake Gemini and Slack. SQL statements count the whole server per turn: the Slack layer's event dedupe and account check (the agent reuses that account), one memory read and one memory write (a single INSERT for all of the turn's contents); a prune runs only when a conversation outgrows its memory budget.",
      ].join('\n');
    } finally {
      await b.close();
    }
  },
};
