import type { Database } from '../../../models/db';
import type { TokenCipher } from '../../crypto/token-cipher';
import { cancelJobs } from './cancel';
import { enqueueJob } from './enqueue';
import { PayloadCodec } from './payload';
import { DEFAULT_RETENTION, purgeFinished, type Retention } from './purge';
import { Sql } from './sql';
import type { JobKindInfo, JobQueue } from './types';

export interface JobQueueOptions {
  db: Database;
  now: () => Date;
  /** Every kind that may be enqueued; another kind is refused. */
  kinds: readonly JobKindInfo[];
  /** Needed when a kind is sealed. */
  cipher?: TokenCipher;
  /** Default attempts before a job is dead. Default 5. */
  maxAttempts?: number;
  retention?: Retention;
}

export const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * Writing to the queue without running it: what the app's services get (`ctx.jobs`), and what the
 * engine itself enqueues with. It holds no state but the kinds, so any number may share one database.
 */
export function createJobQueue(opts: JobQueueOptions): JobQueue {
  const sql = new Sql(opts.db.sequelize, opts.db.dialect);
  const codec = new PayloadCodec(opts.cipher);
  const kinds = new Map<string, JobKindInfo>();
  for (const k of opts.kinds) {
    if (kinds.has(k.kind)) throw new Error(`job kind "${k.kind}" is defined twice`);
    if (k.sealed && !opts.cipher)
      throw new Error(`job kind "${k.kind}" is sealed but the engine has no cipher`);
    kinds.set(k.kind, k);
  }
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  return {
    enqueue: (input) =>
      enqueueJob(sql, codec, kinds.get(input.kind), { maxAttempts, now: opts.now() }, input),
    cancel: (filter) => cancelJobs(sql, filter),
    purgeFinished: () => purgeFinished(sql, opts.now(), opts.retention ?? DEFAULT_RETENTION),
  };
}
