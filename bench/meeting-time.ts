import { performance } from 'node:perf_hooks';
import { localDate } from '../src/time/zone';
import { chooseSlots } from '../src/tools/lib/meeting-slots';
import { call, text } from '../test/fakes/gemini/server';
import { seedEvent } from '../test/fakes/google/seed';
import { connectSlackUser } from '../test/helpers/users';
import { type AgentBench, startAgentBench } from './agent-world';
import { median, ms, percentile } from './slack-load';
import type { Benchmark } from './types';

const PEOPLE = 10;
const LINKED = 3;
const DAYS = 14;
const TURNS = 20;
const WARMUP = 3;
const ZONES = ['Europe/London', 'America/New_York', 'Europe/Berlin', 'America/Sao_Paulo', 'Europe/Lisbon'];
const HOUR = 3600_000;

/** Ten teammates, each with four meetings a working day for the next two weeks; the first LINKED linked to Lume. */
async function seedTeam(b: AgentBench): Promise<string[]> {
  const slack = b.t.slack.state;
  const g = b.t.google.state;
  const today = Date.parse(`${localDate(new Date(), 'UTC')}T00:00:00Z`);
  const ids: string[] = [];
  for (let p = 0; p < PEOPLE; p++) {
    const id = `U0MATE${p}`;
    const account = { sub: `9000000000000000000${p}`, email: `mate${p}@example.com`, name: `Mate ${p}` };
    g.addAccount(account);
    slack.addUser({
      id,
      name: `Mate${p}`,
      realName: `Mate ${p}`,
      tz: ZONES[p % ZONES.length],
      email: account.email,
    });
    if (p < LINKED) await connectSlackUser(b.t.ctx, b.t.google, { slackUserId: id, account });
    for (let d = 0; d < DAYS; d++) {
      for (const [k, startHour] of [8, 10.5, 13, 15.5].entries()) {
        const start = today + d * 24 * HOUR + (startHour + ((p + k) % 3) * 0.5) * HOUR;
        seedEvent(g, account.sub, {
          summary: `Mate ${p} meeting ${d}.${k}`,
          start: { dateTime: new Date(start).toISOString() },
          end: { dateTime: new Date(start + HOUR).toISOString() },
        });
      }
    }
    ids.push(id);
  }
  return ids;
}

/** The slot search alone: eleven people, two weeks, four meetings each a day (wall time, and CPU time). */
function slotSearch(): { median: number; p95: number; cpu: number } {
  const start = Date.parse('2026-03-09T00:00:00Z');
  const people = Array.from({ length: PEOPLE + 1 }, (_, p) => ({
    timeZone: ZONES[p % ZONES.length],
    busy: Array.from({ length: DAYS * 4 }, (_, i) => {
      const s = start + Math.floor(i / 4) * 24 * HOUR + (8 + (i % 4) * 2.5 + (p % 3) * 0.5) * HOUR;
      return { start: s, end: s + HOUR };
    }),
  }));
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    chooseSlots(people, {
      window: { start, end: start + DAYS * 24 * HOUR },
      minutes: 30,
      max: 3,
      timeZone: 'Europe/London',
    });
    const used = process.cpuUsage(c0);
    if (i >= 10) {
      times.push(performance.now() - t0);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  return {
    median: median(times),
    p95: percentile(
      [...times].sort((a, b) => a - b),
      95,
    ),
    cpu: median(cpu),
  };
}

/**
 * "Find 30 minutes with these ten people in the next two weeks" through the running server, every
 * fake answering at once: what Lume itself adds — resolving ten mentions, one freeBusy.query for
 * the unlinked seven and the person, one per linked teammate (all at once), the slot search, three
 * stored choices and their buttons.
 */
export const meetingTimeBenchmark: Benchmark = {
  name: `teamwork: find_meeting_time for ${PEOPLE} people over ${DAYS} days (DM event → choices and answer posted)`,
  async run() {
    const b = await startAgentBench();
    try {
      const ids = await seedTeam(b);
      const start = new Date().toISOString().slice(0, 16);
      const end = new Date(Date.now() + DAYS * 24 * HOUR).toISOString().slice(0, 16);
      const args = { people: ids.map((id) => `<@${id}>`), durationMinutes: 30, start, end };
      const times: number[] = [];
      let freeBusyCalls = 0;
      let slackLookups = 0;
      let first = 0;
      for (let i = 0; i < WARMUP + TURNS; i++) {
        const marker = `times-${i}`;
        b.gemini.push(call('find_meeting_time', args), text(marker));
        const g0 = b.t.google.state.requestsTo('/calendar/v3/freeBusy').length;
        const s0 = b.t.slack.state.calls.filter((c) => c.method.startsWith('users.')).length;
        const took = await b.turn('find 30 minutes with my ten teammates in the next two weeks', marker);
        if (i === 0) first = took;
        freeBusyCalls = b.t.google.state.requestsTo('/calendar/v3/freeBusy').length - g0;
        slackLookups = b.t.slack.state.calls.filter((c) => c.method.startsWith('users.')).length - s0;
        if (i >= WARMUP) times.push(took);
      }
      const sorted = [...times].sort((x, y) => x - y);
      const search = slotSearch();
      const last = [...b.t.slack.state.messages]
        .reverse()
        .find((m) => JSON.stringify(m.blocks ?? '').includes('lume_choice:'));
      const offered = (JSON.stringify(last?.blocks ?? '').match(/lume_choice:\d/g) ?? []).length;
      return [
        `${TURNS} turns after ${WARMUP} warm-up turns; ${PEOPLE} teammates in ${ZONES.length} time zones (${LINKED} linked to Lume), four one-hour meetings each per day for ${DAYS} days; ${b.db.db.dialect} database; every fake answers at once.`,
        '',
        '| measure | median | p95 |',
        '|---|---|---|',
        `| whole turn: DM event → choices and answer posted | ${ms(median(times))} | ${ms(percentile(sorted, 95))} |`,
        `| slot search alone (chooseSlots, ${PEOPLE + 1} people, ${DAYS} days) | ${ms(search.median)} (CPU ${ms(search.cpu)}) | ${ms(search.p95)} |`,
        '',
        `Each turn offered ${offered} times as buttons. First (cold) turn: ${ms(first)}. Per warm turn: ${freeBusyCalls} freeBusy.query calls (one for the person and the ${PEOPLE - LINKED} unlinked teammates, one per linked teammate with their own token, all at once) and ${slackLookups} Slack users.* calls (users.info answers are cached for ten minutes).`,
      ].join('\n');
    } finally {
      await b.close();
    }
  },
};
