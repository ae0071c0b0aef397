import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const TICK_MS = 5;

export interface Stalls {
  wallMs: number;
  /** The longest the event loop was held, in CPU time of the main thread (ms). */
  maxMs: number;
  p99Ms: number;
  /** The same longest gap between ticks in wall time, which also counts the process waiting for a CPU. */
  maxWallMs: number;
}

/**
 * How long the event loop was held while `work` ran. A timer ticks every 5 ms; between two ticks the
 * loop ran whatever was ready, and the main thread's CPU time over that gap is how long that held it.
 * CPU time, not wall time: on a machine shared with other runs the process waits for a CPU for tens
 * of milliseconds at a time, which wall time would blame on the work (a CPU-bound block still counts in
 * full, and GC on the main thread too). The ticks run a little before and after `work`, so a block at
 * its very end is counted.
 */
export async function measureStalls(work: () => Promise<unknown>): Promise<Stalls> {
  const gaps: number[] = [];
  let maxWallMs = 0;
  let cpu = process.threadCpuUsage();
  let wall = performance.now();
  const timer = setInterval(() => {
    const c = process.threadCpuUsage(cpu);
    const w = performance.now();
    gaps.push((c.user + c.system) / 1000);
    maxWallMs = Math.max(maxWallMs, w - wall - TICK_MS);
    cpu = process.threadCpuUsage();
    wall = w;
  }, TICK_MS);
  await sleep(4 * TICK_MS);
  const t0 = performance.now();
  try {
    await work();
  } finally {
    await sleep(4 * TICK_MS);
    clearInterval(timer);
  }
  gaps.sort((a, b) => a - b);
  return {
    wallMs: performance.now() - t0 - 4 * TICK_MS,
    maxMs: gaps.at(-1) ?? 0,
    p99Ms: gaps[Math.floor(0.99 * (gaps.length - 1))] ?? 0,
    maxWallMs,
  };
}
