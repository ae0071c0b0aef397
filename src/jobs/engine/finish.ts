import { placeholders, type Sql } from './sql';

export type Ending =
  | { type: 'done' }
  | { type: 'retry'; at: Date; error: string }
  | { type: 'dead'; error: string }
  | { type: 'snooze'; at: Date };

/*
 * A `rerun` row (replaced while running) is queued again with its new run_at whatever this attempt did.
 * lease_owner stays: on a finished row it names the claim that finished it, which is also how a batch
 * that lost some rows tells its own writes from another instance's.
 */
const RELEASE = 'rerun = 0, lease_expires_at = NULL, updated_at = ?';
const HELD = "lease_owner = ? AND state = 'running'";

/**
 * Writes how attempts ended, each only while the claim still holds the row. Successes that end in
 * the same turn of the event loop share one UPDATE; failures are rare and go one by one. Every
 * write resolves to whether it still held the row (false: the lease was lost, the result dropped).
 */
export class Finisher {
  private pending = new Map<
    string,
    { id: string; resolve: (held: boolean) => void; reject: (e: unknown) => void }[]
  >();
  private scheduled = false;
  private readonly flushing = new Set<Promise<void>>();

  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date,
  ) {}

  finish(id: string, owner: string, ending: Ending): Promise<boolean> {
    if (ending.type !== 'done') return this.finishOne(id, owner, ending);
    return new Promise((resolve, reject) => {
      const list = this.pending.get(owner) ?? [];
      list.push({ id, resolve, reject });
      this.pending.set(owner, list);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          const flush = this.flush().finally(() => this.flushing.delete(flush));
          this.flushing.add(flush);
        });
      }
    });
  }

  /** Resolves once every success reported so far is written. */
  async drain(): Promise<void> {
    while (this.scheduled || this.pending.size > 0 || this.flushing.size > 0) {
      await new Promise((r) => setImmediate(r));
      await Promise.all(this.flushing);
    }
  }

  private async flush(): Promise<void> {
    const batches = [...this.pending];
    this.pending.clear();
    for (const [owner, list] of batches) {
      try {
        const ids = list.map((x) => x.id);
        const changed = await this.sql.exec(
          `UPDATE jobs SET state = CASE WHEN rerun = 1 THEN 'queued' ELSE 'done' END, attempts = CASE WHEN rerun = 1 THEN 0 ELSE attempts END, last_error = NULL, ${RELEASE} WHERE id IN (${placeholders(ids.length)}) AND ${HELD}`,
          [this.sql.time(this.now()), ...ids, owner],
        );
        if (changed === list.length) for (const x of list) x.resolve(true);
        else await this.resolveEach(list, owner);
      } catch (err) {
        for (const x of list) x.reject(err);
      }
    }
  }

  /** Some row of the batch was lost (taken over, cancelled): tell which were written. */
  private async resolveEach(list: { id: string; resolve: (held: boolean) => void }[], owner: string) {
    const ids = list.map((x) => x.id);
    const written = await this.sql.rows<{ id: string }>(
      `SELECT id FROM jobs WHERE id IN (${placeholders(ids.length)}) AND lease_owner = ? AND state <> 'running'`,
      [...ids, owner],
    );
    const mine = new Set(written.map((r) => r.id));
    for (const x of list) x.resolve(mine.has(x.id));
  }

  private async finishOne(
    id: string,
    owner: string,
    ending: Exclude<Ending, { type: 'done' }>,
  ): Promise<boolean> {
    const now = this.sql.time(this.now());
    let set: string;
    let values: unknown[];
    if (ending.type === 'retry') {
      set =
        "state = 'queued', run_at = CASE WHEN rerun = 1 THEN run_at ELSE ? END, attempts = CASE WHEN rerun = 1 THEN 0 ELSE attempts END, last_error = ?";
      values = [this.sql.time(ending.at), ending.error];
    } else if (ending.type === 'dead') {
      set =
        "state = CASE WHEN rerun = 1 THEN 'queued' ELSE 'dead' END, attempts = CASE WHEN rerun = 1 THEN 0 ELSE attempts END, last_error = ?";
      values = [ending.error];
    } else {
      // Not a failure: the attempt is given back.
      set =
        "state = 'queued', run_at = CASE WHEN rerun = 1 THEN run_at ELSE ? END, attempts = CASE WHEN rerun = 1 THEN 0 ELSE attempts - 1 END";
      values = [this.sql.time(ending.at)];
    }
    const changed = await this.sql.exec(`UPDATE jobs SET ${set}, ${RELEASE} WHERE id = ? AND ${HELD}`, [
      ...values,
      now,
      id,
      owner,
    ]);
    return changed === 1;
  }
}
