import { QueryTypes, type Sequelize, Transaction } from 'sequelize';
import type { Database } from '../../../models/db';

export type Dialect = Database['dialect'];

const TRANSIENT = { max: 4, match: [/Deadlock found/, /Lock wait timeout/, /SQLITE_BUSY/] };

/** A job row as the engine's raw queries return it (snake_case columns). */
export interface JobRow {
  id: string;
  kind: string;
  unique_key: string | null;
  run_at: Date | string;
  payload: string;
  attempts: number;
  max_attempts: number;
  rerun: number | boolean;
}

/** The columns a claim needs back. */
export const CLAIM_COLUMNS = 'id, kind, unique_key, run_at, payload, attempts, max_attempts, rerun';

/**
 * Raw SQL with `?` replacements for the engine's hot paths: each is one statement whose shape the
 * engine controls (conditional updates, upserts, SKIP LOCKED) and which Sequelize's model API cannot say.
 */
export class Sql {
  readonly dialect: Dialect;
  constructor(
    private readonly sequelize: Sequelize,
    dialect: Dialect,
  ) {
    this.dialect = dialect;
  }

  /**
   * A time as each dialect stores DATE(3): milliseconds kept. Sequelize's own escaping of a Date
   * drops them on MySQL, and SQLite compares the stored text, so every time goes through here.
   */
  time(d: Date): string {
    const iso = d.toISOString();
    const base = `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
    return this.dialect === 'sqlite' ? `${base} +00:00` : base;
  }

  /**
   * Rows changed by an UPDATE or DELETE. Outside a transaction a statement chosen as a deadlock victim
   * is simply sent again: a lost "done" write would otherwise leave the job to run twice.
   */
  async exec(sql: string, replacements: unknown[], transaction?: Transaction): Promise<number> {
    const result = await this.sequelize.query(sql, {
      replacements,
      type: QueryTypes.BULKUPDATE,
      transaction,
      ...(transaction ? {} : { retry: TRANSIENT }),
    });
    return Number(result ?? 0);
  }

  /** Rows inserted by an INSERT (0 when a conflict clause kept the existing row). */
  async insert(sql: string, replacements: unknown[]): Promise<number> {
    const [, affected] = (await this.sequelize.query(sql, { replacements, type: QueryTypes.INSERT })) as [
      unknown,
      number,
    ];
    return Number(affected ?? 0);
  }

  async rows<T extends object>(
    sql: string,
    replacements: unknown[],
    transaction?: Transaction,
  ): Promise<T[]> {
    return this.sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT, transaction });
  }

  transaction<T>(work: (t: Transaction) => Promise<T>): Promise<T> {
    // READ COMMITTED: the claim's locking read takes no gap locks, so enqueues never wait on a claim.
    return this.sequelize.transaction({ isolationLevel: Transaction.ISOLATION_LEVELS.READ_COMMITTED }, work);
  }
}

/** A DATE(3) column as the driver returns it: a Date from mysql2, stored text from SQLite. */
export function readTime(v: Date | string): Date {
  if (v instanceof Date) return v;
  // 'YYYY-MM-DD HH:mm:ss.SSS +00:00' → ISO 8601
  return new Date(v.replace(' ', 'T').replace(' ', ''));
}

/** `col IN (?)` with an array replacement expands to a list; an empty list is never sent. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}
