import type { RetryClock } from '../../src/google/retry';

/** A retry clock that records each wait instead of sleeping; `random` picks where in the jitter it lands. */
export function recordingClock(random: () => number = () => 0.5): RetryClock & { waits: number[] } {
  const waits: number[] = [];
  return { waits, random, sleep: async (ms) => void waits.push(ms) };
}
