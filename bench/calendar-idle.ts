import { performance } from 'node:perf_hooks';
import { seedEvent } from '../test/fakes/google/seed';
import { startTestServer } from '../test/helpers/server';
import { connectSlackUser } from '../test/helpers/users';
import type { Benchmark } from './types';

const PEOPLE = Number(process.env.BENCH_CALENDAR_PEOPLE ?? 10);
/** Push is simulated over a day and an hour (its channel is renewed daily); polling's hours are all alike. */
const HOURS_SCALE = Number(process.env.BENCH_CALENDAR_HOURS_SCALE ?? 1);
/** The engine is run once per simulated minute: CALENDAR_POLL_SECONDS=60 and push's 30-minute net both land on a step. */
const STEP_MS = 60_000;

interface Mode {
  name: string;
  env: Record<string, string>;
  hours: number;
}

const MODES: Mode[] = [
  { name: 'push (CALENDAR_PUSH=on)', env: { CALENDAR_PUSH: 'on', CALENDAR_POLL_SECONDS: '60' }, hours: 25 },
  {
    name: 'polling (CALENDAR_PUSH=off, CALENDAR_POLL_SECONDS=60)',
    env: { CALENDAR_PUSH: 'off', CALENDAR_POLL_SECONDS: '60' },
    hours: 2,
  },
];

/** Which Google call a request was, for the table. */
function callName(method: string, path: string): string | undefined {
  if (path.endsWith('/events/watch')) return 'events.watch';
  if (path === '/calendar/v3/channels/stop') return 'channels.stop';
  if (method === 'GET' && path.endsWith('/events')) return 'events.list';
  return undefined;
}

/**
 * PEOPLE linked people whose calendars do not change, each mode's hours on Lume's clock in STEP_MS steps
 * of the job engine: how many Google calls calendar sync makes per person per
 * hour once the first full sync is done. The clock is simulated, so a day takes seconds.
 */
async function idle(mode: Mode): Promise<{ perHour: Map<string, number>; wallMs: number }> {
  let now = new Date('2026-03-10T00:00:00Z');
  const t = await startTestServer({ logLevel: 'info', now: () => now, env: mode.env });
  t.google.state.calendarPush.clock = () => now.getTime();
  try {
    for (let i = 0; i < PEOPLE; i++) {
      const account = { sub: `77000${i}`, email: `idle${i}@example.com`, name: `Idle ${i}` };
      const slackUserId = `U_IDLE${i}`;
      t.slack.state.addUser({ id: slackUserId, name: `idle${i}`, tz: 'Europe/Berlin' });
      const { user } = await connectSlackUser(t.ctx, t.google, { slackUserId, account });
      for (let e = 0; e < 5; e++)
        seedEvent(t.google.state, account.sub, {
          summary: 'Standup',
          start: { dateTime: new Date(now.getTime() + (e + 1) * 3_600_000).toISOString() },
          end: { dateTime: new Date(now.getTime() + (e + 1.5) * 3_600_000).toISOString() },
        });
      await t.ctx.calendarSync.linked(user.id);
    }
    await t.engine.runDue();
    await t.google.state.calendarPush.pushesSettled();
    const from = t.google.state.requests.length;
    const t0 = performance.now();
    const hours = mode.hours * HOURS_SCALE;
    for (let step = 0; step < (hours * 3_600_000) / STEP_MS; step++) {
      now = new Date(now.getTime() + STEP_MS);
      await t.engine.runDue();
      await t.google.state.calendarPush.pushesSettled();
    }
    const wallMs = performance.now() - t0;
    const perHour = new Map<string, number>();
    for (const r of t.google.state.requests.slice(from)) {
      const name = callName(r.method, r.path);
      if (name) perHour.set(name, (perHour.get(name) ?? 0) + 1 / PEOPLE / hours);
    }
    return { perHour, wallMs };
  } finally {
    await t.close();
  }
}

export const calendarIdleBenchmark: Benchmark = {
  name: `calendar sync: Google calls per person per hour when idle (${PEOPLE} people, simulated clock)`,
  async run() {
    const rows: string[] = [];
    for (const mode of MODES) {
      const { perHour, wallMs } = await idle(mode);
      const total = [...perHour.values()].reduce((a, b) => a + b, 0);
      const parts = ['events.list', 'events.watch', 'channels.stop'].map((n) =>
        (perHour.get(n) ?? 0).toFixed(2),
      );
      rows.push(
        `| ${mode.name} | ${mode.hours * HOURS_SCALE} h | ${total.toFixed(2)} | ${parts.join(' | ')} | ${(wallMs / 1000).toFixed(1)} s |`,
      );
    }
    return [
      '| mode | simulated | calls / person / hour | events.list | events.watch | channels.stop | wall time |',
      '|---|---|---|---|---|---|---|',
      ...rows,
      '',
      'Idle means no calendar changes: with push, only the 30-minute safety-net sync and the daily channel renewal',
      '(a new channel, then the old one stopped) remain; polling syncs every CALENDAR_POLL_SECONDS. Token refreshes',
      '(one per hour per active person, in either mode) are not counted: the fake issues hour-long tokens on the wall clock.',
    ].join('\n');
  },
};
