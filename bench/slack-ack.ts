import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import { slashCommand, type Who } from '../test/fakes/slack/payloads';
import { startFakeSlack } from '../test/fakes/slack/server';
import { SIGNING_SECRET, startTestServer } from '../test/helpers/server';
import { signedHeaders } from '../test/helpers/slack-sign';
import { median, ms, percentile, runLoad } from './slack-load';
import type { Benchmark } from './types';

const TOTAL = 2000;
const ROUNDS = 3;
const WARMUP = 300;
const CONCURRENCY = 20;

/** A bare Bolt app on the same receiver type with a no-op /lume: the floor Lume is compared with. */
async function startBareBolt(apiUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const receiver = new ExpressReceiver({
    signingSecret: SIGNING_SECRET,
    endpoints: '/slack/events',
    logLevel: LogLevel.ERROR,
  });
  const app = new App({
    token: 'xoxb-test-token',
    receiver,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: apiUrl },
  });
  app.command('/lume', async ({ ack }) => {
    await ack();
  });
  const server: Server = createServer(receiver.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Result {
  p50: number;
  p99: number;
  max: number;
  rps: number;
}

function medianResult(rs: Result[]): Result {
  const pick = (k: keyof Result) => median(rs.map((r) => r[k]));
  return { p50: pick('p50'), p99: pick('p99'), max: pick('max'), rps: pick('rps') };
}

async function measure(base: string, who: Who, responseUrl: string): Promise<Result> {
  const send = async () => {
    // Signed per request, as Slack does (fresh timestamp, HMAC over the exact body).
    const req = slashCommand(who, { text: 'help', userId: 'U_BENCH', responseUrl });
    const res = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': req.contentType, ...signedHeaders(SIGNING_SECRET, req.body) },
      body: req.body,
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`ack answered ${res.status}`);
  };
  await runLoad(WARMUP, CONCURRENCY, send);
  const { latencies, wallMs } = await runLoad(TOTAL, CONCURRENCY, send);
  const sorted = latencies.sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
    rps: (TOTAL / wallMs) * 1000,
  };
}

export const slackAckBenchmark: Benchmark = {
  name: 'slack: /lume help ack latency (concurrency 20)',
  async run() {
    const slack = await startFakeSlack();
    const lume = await startTestServer({ slack, logLevel: 'info' });
    const bare = await startBareBolt(slack.apiUrl);
    try {
      const responseUrl = slack.state.responseUrl();
      // Alternate rounds so background load on the machine hits both servers alike; report medians.
      const rounds: { bare: Result[]; lume: Result[] } = { bare: [], lume: [] };
      for (let i = 0; i < ROUNDS; i++) {
        rounds.bare.push(await measure(bare.url, lume.who, responseUrl));
        rounds.lume.push(await measure(lume.url, lume.who, responseUrl));
      }
      const bareResult = medianResult(rounds.bare);
      const lumeResult = medianResult(rounds.lume);
      const row = (name: string, r: typeof lumeResult) =>
        `| ${name} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.rps.toFixed(0)} |`;
      return [
        `${ROUNDS} alternating rounds per server of ${TOTAL} signed \`/lume help\` requests (each after ${WARMUP} warm-up), ${CONCURRENCY} in flight, over loopback; latency is request sent → ack received; figures are the median round.`,
        '',
        '| server | p50 | p99 | max | requests/s |',
        '|---|---|---|---|---|',
        row('bare Bolt 5, ExpressReceiver, no-op /lume', bareResult),
        row('Lume (the real server: routes, middleware, help blocks, info logging)', lumeResult),
        '',
        `Lume's p99 is ${(lumeResult.p99 / bareResult.p99).toFixed(2)}× the bare app's, ${ms(lumeResult.p99)} against Slack's 3000 ms ack deadline.`,
      ].join('\n');
    } finally {
      await bare.close();
      await lume.close();
      await slack.close();
    }
  },
};
