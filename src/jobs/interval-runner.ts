import type { AppContext } from '../context';
import type { RecurringJob } from './types';

/**
 * Run each job now and then every `everyMs`, in this process. Jobs sharing an interval run one after
 * another in the order given; a failing job is logged and retried next round, and never stops the
 * others or the app. A round still running when the next is due is not started twice.
 * Returns stop().
 */
export function startIntervalRunner(jobs: RecurringJob[], ctx: AppContext): () => void {
  const byInterval = new Map<number, RecurringJob[]>();
  for (const job of jobs) byInterval.set(job.everyMs, [...(byInterval.get(job.everyMs) ?? []), job]);
  const timers = [...byInterval].map(([everyMs, group]) => {
    let running = false;
    const round = async () => {
      if (running) return;
      running = true;
      for (const job of group) await runOnce(job, ctx);
      running = false;
    };
    const timer = setInterval(() => void round(), everyMs);
    timer.unref();
    void round();
    return timer;
  });
  return () => {
    for (const timer of timers) clearInterval(timer);
  };
}

async function runOnce(job: RecurringJob, ctx: AppContext): Promise<void> {
  try {
    const done = await job.run(ctx);
    if (done) ctx.log.debug({ task: job.name, done }, 'job ran');
  } catch (err) {
    ctx.log.warn({ err, task: job.name }, 'job failed');
  }
}
