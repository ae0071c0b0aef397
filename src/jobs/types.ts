import type { AppContext } from '../context';
import type { RunningJob } from './engine';
import type { JobPorts } from './ports';

/**
 * Background work Lume does on a schedule, one job per file (registered in ./index.ts). The engine
 * runs each period once across every instance sharing the database; periods are aligned on
 * multiples of `everyMs` (UTC), and one missed while every instance was down is not caught up.
 */
export interface RecurringJob {
  /** kebab-case, unique */
  name: string;
  everyMs: number;
  /** Resolves to what it did (rows removed etc.), for the log. */
  // biome-ignore lint/suspicious/noConfusingVoidType: a job that reports nothing just returns.
  run(ctx: AppContext, ports: JobPorts): Promise<number | void>;
}

/**
 * One kind of durable job, one per file (registered in ./index.ts): services put jobs of this kind
 * in the queue with `ctx.jobs.enqueue({kind, payload, key?, runAt?})`, and the engine runs `run` once
 * per job across every instance, retrying a throw with backoff (JobSnooze: later, unpunished;
 * JobDiscard: never again).
 */
export interface JobKind<P = unknown> {
  /** kebab-case, unique; start each job's key with it. */
  kind: string;
  /** Encrypt the payload at rest: set it whenever the payload holds more than opaque ids. */
  sealed?: boolean;
  /** Attempts before the job is dead (default 5). */
  maxAttempts?: number;
  /** `job.signal` aborts when the attempt must stop (lease lost, shutdown): pass it to HTTP calls. */
  run(payload: P, job: RunningJob, ctx: AppContext, ports: JobPorts): Promise<void>;
}

/** Everything the engine runs: the kinds services enqueue, and the recurring jobs. */
export interface JobCatalogue {
  kinds: readonly JobKind[];
  recurring: readonly RecurringJob[];
}
