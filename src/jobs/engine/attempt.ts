import { DecryptError } from '../../crypto/token-cipher';
import type { Logger } from '../../log';
import { type Backoff, retryDelay } from './backoff';
import { errorSummary, JobDiscard, JobSnooze } from './errors';
import { emit } from './events';
import type { Ending, Finisher } from './finish';
import type { PayloadCodec } from './payload';
import { type JobRow, readTime } from './sql';
import type { JobDefinition, JobEvents, RunningJob } from './types';

export interface AttemptDeps {
  log: Logger;
  now: () => Date;
  codec: PayloadCodec;
  finisher: Finisher;
  backoff: Backoff;
  random: () => number;
  events: JobEvents;
}

export type Outcome = 'done' | 'retried' | 'dead' | 'snoozed' | 'lost' | 'handed back';

/** How a thrown error ends the attempt. */
function ending(err: unknown, job: RunningJob, deps: AttemptDeps): Ending {
  const now = deps.now().getTime();
  if (err instanceof JobSnooze) return { type: 'snooze', at: new Date(now + Math.max(0, err.delayMs)) };
  // A payload no configured key opens, or a handler's verdict: retrying cannot help.
  if (err instanceof JobDiscard || err instanceof DecryptError)
    return { type: 'dead', error: errorSummary(err) };
  if (job.attempt >= job.maxAttempts) return { type: 'dead', error: errorSummary(err) };
  const delay = retryDelay(job.attempt, deps.backoff, deps.random);
  return { type: 'retry', at: new Date(now + delay), error: errorSummary(err) };
}

/**
 * One attempt of one claimed job: run the handler, then record how it ended while the claim still
 * holds the row. Never throws: a failure to record is logged and the lease's expiry brings the job back.
 * `mayRecord()` is asked, in the same turn the handler settles, whether the ending may be recorded: false
 * when a stopping engine has already taken the job back (its hand-back is then the row's only write).
 */
export async function runAttempt(
  row: JobRow,
  owner: string,
  definition: JobDefinition,
  signal: AbortSignal,
  deps: AttemptDeps,
  mayRecord: () => boolean = () => true,
): Promise<Outcome> {
  const job: RunningJob = {
    id: row.id,
    kind: row.kind,
    key: row.unique_key,
    attempt: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    runAt: readTime(row.run_at),
    signal,
  };
  const started = deps.now();
  const about = { jobId: job.id, kind: job.kind, attempt: job.attempt };
  emit(deps.events, deps.log, 'started', {
    kind: job.kind,
    attempt: job.attempt,
    lagMs: started.getTime() - job.runAt.getTime(),
  });
  let end: Ending = { type: 'done' };
  let failure: unknown;
  try {
    await definition.run(deps.codec.decode(row.payload, { id: job.id, key: job.key }), job);
  } catch (err) {
    failure = err;
    end = ending(err, job, deps);
  }
  if (!mayRecord()) return 'handed back';
  let held: boolean;
  try {
    held = await deps.finisher.finish(job.id, owner, end);
  } catch (err) {
    deps.log.error(
      { err, ...about },
      'could not record how a job attempt ended; it runs again when its lease expires',
    );
    return 'lost';
  }
  if (!held) {
    if (!signal.aborted)
      deps.log.warn(about, 'job attempt ended after its lease was lost; its result was dropped');
    return 'lost';
  }
  switch (end.type) {
    case 'done':
      emit(deps.events, deps.log, 'done', {
        kind: job.kind,
        attempt: job.attempt,
        durationMs: deps.now().getTime() - started.getTime(),
      });
      return 'done';
    case 'snooze':
      deps.log.debug({ ...about, until: end.at }, 'job snoozed');
      return 'snoozed';
    case 'retry': {
      const delayMs = end.at.getTime() - deps.now().getTime();
      deps.log.warn({ err: failure, ...about, retryAt: end.at }, 'job attempt failed; will retry');
      emit(deps.events, deps.log, 'retried', { kind: job.kind, attempt: job.attempt, delayMs });
      return 'retried';
    }
    case 'dead':
      deps.log.error(
        { err: failure, ...about, maxAttempts: job.maxAttempts },
        'job is dead: no more attempts',
      );
      emit(deps.events, deps.log, 'dead', { kind: job.kind, attempt: job.attempt, reason: end.error });
      return 'dead';
  }
}
