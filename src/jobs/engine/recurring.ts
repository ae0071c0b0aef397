import type { Logger } from '../../log';
import type { EnqueueInput, EnqueueResult, JobDefinition, RecurringTask } from './types';

export const RECURRING_KIND = 'recurring';

interface PeriodPayload {
  name: string;
  /** Start of the period, ms since the epoch; periods are aligned on multiples of everyMs. */
  period: number;
}

const periodOf = (now: Date, everyMs: number) => Math.floor(now.getTime() / everyMs) * everyMs;

/** One job per name and period: the unique key is what makes it once across instances. */
function periodJob(task: RecurringTask, period: number): EnqueueInput<PeriodPayload> {
  return {
    kind: RECURRING_KIND,
    key: `${RECURRING_KIND}:${task.name}:${new Date(period).toISOString()}`,
    runAt: new Date(period),
    payload: { name: task.name, period },
    maxAttempts: 3,
    onConflict: 'keep',
  };
}

type Enqueue = (input: EnqueueInput<PeriodPayload>) => Promise<EnqueueResult>;

/**
 * Make sure the current period of each task exists (a no-op where it does: another instance made
 * it, or it already ran). At start, and now and then after: a chain that ended (every attempt of a
 * period failed, or an older instance in a rolling deploy did not know the name) starts again.
 */
export async function scheduleRecurring(tasks: readonly RecurringTask[], enqueue: Enqueue, now: Date) {
  for (const task of tasks) await enqueue(periodJob(task, periodOf(now, task.everyMs)));
}

/**
 * Runs one period of a recurring task. The next period is enqueued first, so the chain survives a
 * failing or dying run; a period already over when its job runs (the instances were down, retries ran
 * late) is skipped rather than run twice in a row, and the chain jumps to the period now under way:
 * missed periods are not caught up.
 */
export function recurringDefinition(
  tasks: readonly RecurringTask[],
  deps: { enqueue: Enqueue; now: () => Date; log: Logger },
): JobDefinition<PeriodPayload> {
  const byName = new Map(tasks.map((t) => [t.name, t]));
  return {
    kind: RECURRING_KIND,
    async run({ name, period }) {
      const task = byName.get(name);
      if (!task) {
        deps.log.warn({ recurring: name }, 'recurring job not defined on this instance; its chain ends here');
        return;
      }
      const next = period + task.everyMs;
      const now = deps.now();
      await deps.enqueue(periodJob(task, Math.max(next, periodOf(now, task.everyMs))));
      if (now.getTime() >= next) {
        deps.log.info(
          { recurring: name, period: new Date(period) },
          'recurring period already over; skipped',
        );
        return;
      }
      const result = await task.run();
      deps.log.debug({ recurring: name, result }, 'recurring job ran');
    },
  };
}
