import type { AppContext } from '../../context';
import type { Logger } from '../../log';
import type { RecurringJob } from '../types';
import type { EnqueueInput, EnqueueResult, JobDefinition } from './types';

export const RECURRING_KIND = 'recurring';

interface PeriodPayload {
  name: string;
  /** Start of the period, ms since the epoch; periods are aligned on multiples of everyMs. */
  period: number;
}

const periodOf = (now: Date, everyMs: number) => Math.floor(now.getTime() / everyMs) * everyMs;

/** One job per name and period: the unique key is what makes it once across instances. */
function periodJob(job: RecurringJob, period: number): EnqueueInput<PeriodPayload> {
  return {
    kind: RECURRING_KIND,
    key: `${RECURRING_KIND}:${job.name}:${new Date(period).toISOString()}`,
    runAt: new Date(period),
    payload: { name: job.name, period },
    maxAttempts: 3,
    onConflict: 'keep',
  };
}

type Enqueue = (input: EnqueueInput<PeriodPayload>) => Promise<EnqueueResult>;

/** At start: make sure the current period of each recurring job exists (a no-op when another instance made it). */
export async function scheduleRecurring(jobs: readonly RecurringJob[], enqueue: Enqueue, now: Date) {
  for (const job of jobs) await enqueue(periodJob(job, periodOf(now, job.everyMs)));
}

/**
 * Runs one period of a recurring job. The next period is enqueued first, so the chain survives a
 * failing or dying run; a period already over when its job runs (the instances were down, retries ran
 * late) is skipped rather than run twice in a row: missed periods are not caught up.
 */
export function recurringDefinition(
  jobs: readonly RecurringJob[],
  ctx: AppContext,
  deps: { enqueue: Enqueue; now: () => Date; log: Logger },
): JobDefinition<PeriodPayload> {
  const byName = new Map(jobs.map((j) => [j.name, j]));
  return {
    kind: RECURRING_KIND,
    async run({ name, period }) {
      const job = byName.get(name);
      if (!job) {
        deps.log.warn({ recurring: name }, 'recurring job no longer defined; its chain ends');
        return;
      }
      const next = period + job.everyMs;
      await deps.enqueue(periodJob(job, next));
      if (deps.now().getTime() >= next) {
        deps.log.info(
          { recurring: name, period: new Date(period) },
          'recurring period already over; skipped',
        );
        return;
      }
      const result = await job.run(ctx);
      deps.log.debug({ recurring: name, result }, 'recurring job ran');
    },
  };
}
