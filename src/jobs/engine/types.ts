import type { Database } from '../../../models/db';
import type { AppContext } from '../../context';
import type { TokenCipher } from '../../crypto/token-cipher';
import type { Logger } from '../../log';
import type { RecurringJob } from '../types';

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

/**
 * What an enqueue with a key that already exists does.
 * - `keep` (default): the existing job stands, whatever its state; the call is a no-op. Idempotent
 *   enqueue: "this happens once per key".
 * - `replace`: the key's job will run (again) at the new `runAt` with the new payload. A queued job is
 *   updated in place (attempts and last error reset); a running one finishes its attempt untouched and
 *   then runs once more with the new values (never two attempts at once); a done or dead one is re-armed.
 *   For reminders that follow a moved event and debounced syncs.
 */
export type OnConflict = 'keep' | 'replace';

export interface EnqueueInput<P = unknown> {
  kind: string;
  payload: P;
  /** When the job is due (default: now). A time in the past is due at once. */
  runAt?: Date;
  /** Printable ASCII without spaces, at most 191 characters; unique across kinds: start it with the kind. */
  key?: string;
  maxAttempts?: number;
  onConflict?: OnConflict;
}

export interface EnqueueResult {
  outcome: 'created' | 'replaced' | 'kept';
  /** The new row's id, when one was created. */
  id?: string;
}

/** Which jobs `cancel` deletes: one key, or every key with a prefix (a person's jobs), optionally of one kind. */
export type CancelFilter = { kind?: string } & ({ key: string } | { keyPrefix: string });

/** Hooks for metrics (job lag, deaths); called synchronously, must not throw. */
export interface JobEvents {
  started?(e: { kind: string; attempt: number; lagMs: number }): void;
  done?(e: { kind: string; attempt: number; durationMs: number }): void;
  retried?(e: { kind: string; attempt: number; delayMs: number }): void;
  dead?(e: { kind: string; attempt: number; reason: string }): void;
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
  recurring?: { jobs: readonly RecurringJob[]; ctx: AppContext };
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

export interface JobEngine {
  /** Schedules the recurring jobs and starts polling. */
  start(): Promise<void>;
  /** Stops claiming, waits up to `deadlineMs` for running attempts, hands back the rest. */
  stop(deadlineMs?: number): Promise<StopReport>;
  enqueue<P>(input: EnqueueInput<P>): Promise<EnqueueResult>;
  /** Deletes matching jobs in every state (an attempt already running finishes; its result is discarded). */
  cancel(filter: CancelFilter): Promise<number>;
  /** One pass: take over expired leases, then claim and run due jobs until none is due. For tests and tools. */
  runDue(): Promise<PassReport>;
  /** Deletes finished jobs past their retention; a housekeeping task. */
  purgeFinished(): Promise<number>;
}
