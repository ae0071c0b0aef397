import { placeholders, type Sql } from './sql';

export interface HeldLease {
  id: string;
  owner: string;
}

/** Owner and id both match: a lease that was lost (taken over, cancelled) is never touched again. */
function heldWhere(held: readonly HeldLease[]): { where: string; values: string[] } {
  const ids = held.map((h) => h.id);
  const owners = [...new Set(held.map((h) => h.owner))];
  return {
    where: `id IN (${placeholders(ids.length)}) AND lease_owner IN (${placeholders(owners.length)})`,
    values: [...ids, ...owners],
  };
}

/** Heartbeat: one statement extends every lease this instance holds. Returns the ids still held. */
export async function renewLeases(
  sql: Sql,
  held: readonly HeldLease[],
  now: Date,
  leaseMs: number,
): Promise<Set<string>> {
  if (held.length === 0) return new Set();
  const { where, values } = heldWhere(held);
  const until = sql.time(new Date(now.getTime() + leaseMs));
  const renewed = await sql.exec(
    `UPDATE jobs SET lease_expires_at = ? WHERE ${where} AND state = 'running'`,
    [until, ...values],
  );
  if (renewed === held.length) return new Set(held.map((h) => h.id));
  // Some lease was lost: find out which (rare, so the extra read is fine).
  const still = await sql.rows<{ id: string }>(
    `SELECT id FROM jobs WHERE ${where} AND state = 'running'`,
    values,
  );
  return new Set(still.map((r) => r.id));
}

/**
 * Shutdown: jobs whose attempt did not end in time go back to the queue, due at once, the interrupted
 * attempt not counted (a `rerun` row starts afresh, as when its attempt ends normally).
 */
export async function handBack(sql: Sql, held: readonly HeldLease[], now: Date): Promise<number> {
  if (held.length === 0) return 0;
  const { where, values } = heldWhere(held);
  return sql.exec(
    `UPDATE jobs SET state = 'queued', attempts = CASE WHEN rerun = 1 THEN 0 ELSE attempts - 1 END, rerun = 0, lease_owner = NULL, lease_expires_at = NULL, updated_at = ? WHERE ${where} AND state = 'running'`,
    [sql.time(now), ...values],
  );
}

export interface ExpiredLease {
  id: string;
  kind: string;
  lease_owner: string | null;
  attempts: number;
  max_attempts: number;
  rerun: number | boolean;
}

const LEASE_LOST = 'lease expired: the instance running it stopped or stalled';

/**
 * Takeover: running jobs whose lease expired (their instance was killed or stalled) are queued again,
 * or dead if that was their last attempt (a job that kills its instance must not kill every instance in
 * turn). A plain read finds them, so an idle pass locks nothing; the updates repeat the expiry
 * condition, so two instances taking over at once cannot both succeed for the same row.
 */
export async function takeOverExpired(
  sql: Sql,
  now: Date,
  limit: number,
): Promise<{ requeued: ExpiredLease[]; dead: ExpiredLease[] }> {
  const at = sql.time(now);
  const expired = await sql.rows<ExpiredLease>(
    `SELECT id, kind, lease_owner, attempts, max_attempts, rerun FROM jobs WHERE state = 'running' AND lease_expires_at < ? ORDER BY lease_expires_at LIMIT ?`,
    [at, limit],
  );
  const requeued: ExpiredLease[] = [];
  const dead: ExpiredLease[] = [];
  for (const row of expired)
    (Number(row.rerun) === 1 || row.attempts < row.max_attempts ? requeued : dead).push(row);
  const update = async (rows: ExpiredLease[], set: string): Promise<ExpiredLease[]> => {
    if (rows.length === 0) return rows;
    const changed = await sql.exec(
      `UPDATE jobs SET ${set}, lease_owner = NULL, lease_expires_at = NULL, last_error = ?, updated_at = ? WHERE id IN (${placeholders(rows.length)}) AND state = 'running' AND lease_expires_at < ?`,
      [LEASE_LOST, at, ...rows.map((r) => r.id), at],
    );
    // Another instance took some of these over in the same instant; report only what is certain.
    return changed === rows.length ? rows : [];
  };
  return {
    requeued: await update(
      requeued,
      "state = 'queued', attempts = CASE WHEN rerun = 1 THEN 0 ELSE attempts END, rerun = 0",
    ),
    // rerun = 0 again: a replace that landed since the read re-arms the job rather than letting it die.
    dead: await update(
      dead,
      "state = CASE WHEN rerun = 1 THEN 'queued' ELSE 'dead' END, attempts = CASE WHEN rerun = 1 THEN 0 ELSE attempts END, rerun = 0",
    ),
  };
}
