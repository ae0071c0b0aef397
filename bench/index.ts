import { agentParallelBenchmark } from './agent-parallel';
import { agentTurnBenchmark } from './agent-turn';
import { briefingBurstBenchmark } from './briefing-burst';
import { calendarIdleBenchmark } from './calendar-idle';
import { heavyMailBenchmark } from './heavy-mail';
import { jobsBenchmark } from './jobs';
import { meetingTimeBenchmark } from './meeting-time';
import { remindersBenchmark } from './reminders';
import { slackAckBenchmark } from './slack-ack';
import { slackTodayBenchmark } from './slack-today';
import { startupBenchmark } from './startup';
import type { Benchmark } from './types';

/** Every benchmark `npm run bench` runs; adding one = one file and one line here. */
export const benchmarks: Benchmark[] = [
  slackAckBenchmark,
  slackTodayBenchmark,
  agentTurnBenchmark,
  agentParallelBenchmark,
  heavyMailBenchmark,
  startupBenchmark,
  jobsBenchmark,
  meetingTimeBenchmark,
  remindersBenchmark,
  calendarIdleBenchmark,
  briefingBurstBenchmark,
];
