import type { Sql } from './sql';

export interface Retention {
  doneMs: number;
  deadMs: number;
}

/** A week of done jobs keeps every key's "already happened" well past any re-enqueue; dead ones stay a month to be looked at. */
export const DEFAULT_RETENTION: Retention = { doneMs: 7 * 24 * 3600_000, deadMs: 30 * 24 * 3600_000 };

/** Deletes finished jobs due longer ago than their retention (the claim index serves both ranges). */
export function purgeFinished(sql: Sql, now: Date, retention: Retention): Promise<number> {
  return sql.exec(
    `DELETE FROM jobs WHERE (state = 'done' AND run_at < ?) OR (state = 'dead' AND run_at < ?)`,
    [
      sql.time(new Date(now.getTime() - retention.doneMs)),
      sql.time(new Date(now.getTime() - retention.deadMs)),
    ],
  );
}
