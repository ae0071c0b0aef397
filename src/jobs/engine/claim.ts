import { CLAIM_COLUMNS, type JobRow, placeholders, type Sql } from './sql';

export interface Claim {
  /** lease_owner of the rows this claim took (instance id, process nonce, claim number): unique per claim. */
  owner: string;
  rows: JobRow[];
}

export interface ClaimRequest {
  owner: string;
  limit: number;
  /** Only kinds this instance can run: during a rolling deploy, new kinds wait for new instances. */
  kinds: readonly string[];
  now: Date;
  leaseMs: number;
  /** Ask cheaply first (one plain read, no transaction): what an idle engine's polls cost. */
  probe: boolean;
}

/**
 * Take up to `limit` due jobs under a lease. N instances on one MySQL never take the same row: the
 * locking read skips rows another claim has locked and the update commits before those locks go.
 * SQLite runs one writer at a time, so a single UPDATE … RETURNING is the whole claim.
 */
export async function claimDue(sql: Sql, req: ClaimRequest): Promise<Claim> {
  const { owner, limit, kinds, now, leaseMs } = req;
  const at = sql.time(now);
  const due = `state = 'queued' AND run_at <= ? AND kind IN (${placeholders(kinds.length)})`;
  const until = sql.time(new Date(now.getTime() + leaseMs));
  const set =
    "state = 'running', attempts = attempts + 1, lease_owner = ?, lease_expires_at = ?, updated_at = ?";
  if (sql.dialect === 'sqlite') {
    const rows = await sql.rows<JobRow>(
      `UPDATE jobs SET ${set} WHERE id IN (SELECT id FROM jobs WHERE ${due} ORDER BY run_at LIMIT ?) RETURNING ${CLAIM_COLUMNS}`,
      [owner, until, at, at, ...kinds, limit],
    );
    return { owner, rows };
  }
  if (req.probe) {
    const any = await sql.rows(`SELECT id FROM jobs WHERE ${due} LIMIT 1`, [at, ...kinds]);
    if (any.length === 0) return { owner, rows: [] };
  }
  const rows = await sql.transaction(async (transaction) => {
    const taken = await sql.rows<JobRow>(
      `SELECT ${CLAIM_COLUMNS} FROM jobs WHERE ${due} ORDER BY run_at LIMIT ? FOR UPDATE SKIP LOCKED`,
      [at, ...kinds, limit],
      transaction,
    );
    if (taken.length === 0) return taken;
    await sql.exec(
      `UPDATE jobs SET ${set} WHERE id IN (${placeholders(taken.length)})`,
      [owner, until, at, ...taken.map((r) => r.id)],
      transaction,
    );
    // The locked read saw the row before this update.
    for (const r of taken) r.attempts += 1;
    return taken;
  });
  return { owner, rows };
}
