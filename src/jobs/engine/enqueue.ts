import { randomUUID } from 'node:crypto';
import type { PayloadCodec } from './payload';
import type { Sql } from './sql';
import type { EnqueueInput, EnqueueResult, JobKindInfo } from './types';

const KEY = /^[\x21-\x7e]{1,191}$/;

/** Keys are compared byte for byte in both databases; printable ASCII keeps that free of collation surprises. */
export function checkKey(key: string): void {
  if (!KEY.test(key)) throw new Error('a job key is 1–191 printable ASCII characters without spaces');
}

const COLUMNS =
  'id, kind, unique_key, state, run_at, payload, attempts, max_attempts, rerun, lease_owner, lease_expires_at, last_error, created_at, updated_at';
const VALUES = "?, ?, ?, 'queued', ?, ?, 0, ?, 0, NULL, NULL, NULL, ?, ?";

/*
 * `replace` on an existing key. A running row keeps its state and lease and is flagged `rerun`, so it is
 * queued again when the attempt ends; any other row becomes a fresh queued job. MySQL applies the
 * assignments left to right, each seeing the ones before, so everything that reads `state` comes
 * before `state` itself; SQLite reads the old row throughout, which gives the same result.
 */
const REPLACE_SET = (v: (col: string) => string) =>
  [
    "rerun = CASE WHEN state = 'running' THEN 1 ELSE 0 END",
    "attempts = CASE WHEN state = 'running' THEN attempts ELSE 0 END",
    "last_error = CASE WHEN state = 'running' THEN last_error ELSE NULL END",
    `kind = ${v('kind')}`,
    `run_at = ${v('run_at')}`,
    `payload = ${v('payload')}`,
    `max_attempts = ${v('max_attempts')}`,
    `updated_at = ${v('updated_at')}`,
    "state = CASE WHEN state = 'running' THEN 'running' ELSE 'queued' END",
  ].join(', ');

function insertSql(dialect: Sql['dialect'], keyed: boolean, replace: boolean): string {
  const insert = `INSERT INTO jobs (${COLUMNS}) VALUES (${VALUES})`;
  if (!keyed) return insert;
  if (dialect === 'mysql') {
    return replace
      ? `${insert} ON DUPLICATE KEY UPDATE ${REPLACE_SET((c) => `VALUES(${c})`)}`
      : `${insert} ON DUPLICATE KEY UPDATE id = id`;
  }
  return replace
    ? `${insert} ON CONFLICT(unique_key) DO UPDATE SET ${REPLACE_SET((c) => `excluded.${c}`)} RETURNING id`
    : `${insert} ON CONFLICT(unique_key) DO NOTHING`;
}

/** One statement per enqueue, keyed or not, kept or replaced. */
export async function enqueueJob(
  sql: Sql,
  codec: PayloadCodec,
  definition: JobKindInfo | undefined,
  defaults: { maxAttempts: number; now: Date },
  input: EnqueueInput,
): Promise<EnqueueResult> {
  if (!definition) throw new Error(`no job kind "${input.kind}" is defined`);
  const key = input.key ?? null;
  if (key !== null) checkKey(key);
  const maxAttempts = input.maxAttempts ?? definition.maxAttempts ?? defaults.maxAttempts;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    throw new Error('maxAttempts must be a positive integer');
  const id = randomUUID();
  const payload = codec.encode(input.payload, definition.sealed === true, { id, key });
  const now = sql.time(defaults.now);
  const runAt = sql.time(input.runAt ?? defaults.now);
  const replace = input.onConflict === 'replace';
  const statement = insertSql(sql.dialect, key !== null, replace);
  const values = [id, input.kind, key, runAt, payload, maxAttempts, now, now];

  if (key !== null && replace) {
    if (sql.dialect === 'sqlite') {
      // The leading comment stops Sequelize taking this for a plain INSERT, which would drop RETURNING's row.
      const [row] = await sql.rows<{ id: string }>(`/* upsert */ ${statement}`, values);
      return row?.id === id ? { outcome: 'created', id } : { outcome: 'replaced' };
    }
    // MySQL counts an upsert's insert as 1 row and its update as 2.
    return (await sql.insert(statement, values)) === 1 ? { outcome: 'created', id } : { outcome: 'replaced' };
  }
  const inserted = await sql.insert(statement, values);
  return inserted === 1 ? { outcome: 'created', id } : { outcome: 'kept' };
}
