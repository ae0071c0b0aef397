import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const RESOLUTION_MS = 5;

export interface Stalls {
  wallMs: number;
  /** The longest the event loop was held (ms). */
  maxMs: number;
  p99Ms: number;
}

/**
 * How long the event loop was held while `work` ran, from `monitorEventLoopDelay` sampling every
 * 5 ms. A sample is only taken when the timer next fires, so the sampler runs a few ticks before and
 * after `work`: a block at the very end of it is counted too.
 */
export async function measureStalls(work: () => Promise<unknown>): Promise<Stalls> {
  const h = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  h.enable();
  await sleep(4 * RESOLUTION_MS);
  const t0 = performance.now();
  try {
    await work();
  } finally {
    await sleep(4 * RESOLUTION_MS);
    h.disable();
  }
  // Each sample is the time between two ticks; the stall is what exceeds the tick itself.
  const stall = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  return {
    wallMs: performance.now() - t0 - 4 * RESOLUTION_MS,
    maxMs: stall(h.max),
    p99Ms: stall(h.percentile(99)),
  };
}
