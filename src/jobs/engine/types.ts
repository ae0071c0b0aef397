import type { Database } from '../../../models/db';
import type { TokenCipher } from '../../crypto/token-cipher';
import type { JobQueue } from '../../job-queue';
import type { Logger } from '../../log';

export type { CancelFilter, EnqueueInput, EnqueueResult, JobQueue, OnConflict } from '../../job-queue';

/** One kind of job: what runs when a job of this kind is due. One definition per file. */
export interface JobDefinition<P = unknown> {
  kind: string;
  /**
   * Encrypt the payload at rest with the token cipher. Set it for every kind whose payload holds
   * more than opaque ids (a title, an address, a channel's text); kinds that carry only ids may leave it off.
   */
  sealed?: boolean;
  /** Attempts before the job is dead; the engine's `maxAttempts` when absent. */
  maxAttempts?: number;
  run(payload: P, job: RunningJob): Promise<void>;
}

/** What enqueueing needs to know of a kind: whether its payload is sealed, and its attempts. */
export type JobKindInfo = Pick<JobDefinition, 'kind' | 'sealed' | 'maxAttempts'>;

/** What a handler knows about the attempt it is running. */
export interface RunningJob {
  id: string;
  kind: string;
  key: string | null;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  /** When the job was due; lateness is the start of the attempt minus this. */
  runAt: Date;
  /**
   * Aborted when this attempt must stop: the engine is stopping past its deadline, or the lease was
   * lost (another instance took the job over). Pass it to HTTP calls; check it before a side effect.
   */
  signal: AbortSignal;
}

/** Hooks for metrics (job lag, deaths) and health (the heartbeat); called synchronously, must not throw. */
export interface JobEvents {
  started?(e: { kind: string; attempt: number; lagMs: number }): void;
  done?(e: { kind: string; attempt: number; durationMs: number }): void;
  retried?(e: { kind: string; attempt: number; delayMs: number }): void;
  dead?(e: { kind: string; attempt: number; reason: string }): void;
  /**
   * The heartbeat: a pass over the queue went through (start, each poll, each runDue) at `at`
   * (engine clock). Without another within `staleAfterMs`, the engine is stuck.
   */
  passed?(e: { at: Date; staleAfterMs: number }): void;
  /** The engine stopped: this instance claims nothing more. */
  stopped?(e: { at: Date }): void;
}

export interface JobEngineOptions {
  db: Database;
  log: Logger;
  now: () => Date;
  /** Names this process in leases and logs; unique per running instance. */
  instanceId: string;
  definitions: readonly JobDefinition[];
  /** Needed when a definition is sealed. */
  cipher?: TokenCipher;
  /** Periodic work, run once per period across every instance. */
  recurring?: readonly RecurringTask[];
  /**
   * false: `start()` only schedules the recurring work, with no timers (no polling, heartbeat or
   * takeover scans), and `runDue()` does everything; tests drive the engine on their clock this way. Default true.
   */
  poll?: boolean;
  /** How often an idle engine looks for due jobs (real time). Default 1000. */
  pollMs?: number;
  /** How long a claim holds a job without renewal (engine clock). Default 20000. */
  leaseMs?: number;
  /** How often held leases are renewed (real time). Default leaseMs / 3. */
  heartbeatMs?: number;
  /** How often expired leases are looked for (real time). Default leaseMs / 4. */
  takeoverMs?: number;
  /** Most jobs run at once by this instance. Default 20. */
  concurrency?: number;
  /** Most jobs one claim takes; up to twice `concurrency` are held (running or waiting their turn). Default 50. */
  batchSize?: number;
  /** Default attempts before a job is dead. Default 5. */
  maxAttempts?: number;
  /** Retry delay: base × 2^(attempt−1), capped, half of it random. Defaults 10 s and 1 h. */
  backoff?: { baseMs: number; maxMs: number };
  /** Source of jitter, [0, 1). Default Math.random. */
  random?: () => number;
  events?: JobEvents;
  /** Finished jobs are deleted this long after they were due: done after `doneMs` (7 days), dead after `deadMs` (30 days). */
  retention?: { doneMs: number; deadMs: number };
}

/** What one `runDue()` pass did. */
export interface PassReport {
  claimed: number;
  done: number;
  retried: number;
  dead: number;
  takenOver: number;
}

export interface StopReport {
  /** Attempts that ended before the deadline. */
  finished: number;
  /** Jobs handed back, due at once: attempts still running at the deadline (aborted), and claimed ones not yet started. */
  handedBack: number;
}

/** Work done once per period across every instance (the engine's own view of src/jobs' RecurringJob). */
export interface RecurringTask {
  /** Unique; part of each period's job key. */
  name: string;
  /** Periods are aligned on multiples of this since the epoch (UTC). */
  everyMs: number;
  /** Resolves to what it did (rows removed etc.), for the log. */
  run(): Promise<unknown>;
}

/** The queue (enqueue, cancel, purgeFinished) plus running the jobs. */
export interface JobEngine extends JobQueue {
  /** Schedules the recurring work and, unless `poll` is false, starts polling. */
  start(): Promise<void>;
  /** Stops claiming, waits up to `deadlineMs` for running attempts, hands back the rest. */
  stop(deadlineMs?: number): Promise<StopReport>;
  /**
   * One pass: take over expired leases, make sure each recurring task's current period exists, then
   * claim and run due jobs until none is due. For tests and tools.
   */
  runDue(): Promise<PassReport>;
}
