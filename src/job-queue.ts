/**
 * The durable job queue as the rest of Lume sees it (`ctx.jobs`): put work in the database for
 * later, or take it back. The engine in src/jobs runs it, once across every instance. This contract
 * lives outside src/jobs because the context names it and src/jobs' job kinds receive the context.
 */

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

export interface JobQueue {
  /** One statement; throws for a kind no file in src/jobs defines, a bad key or a payload too large. */
  enqueue<P>(input: EnqueueInput<P>): Promise<EnqueueResult>;
  /** Deletes matching jobs in every state (an attempt already running finishes; its result is discarded). */
  cancel(filter: CancelFilter): Promise<number>;
  /** Deletes finished jobs past their retention; a housekeeping job. */
  purgeFinished(): Promise<number>;
}
