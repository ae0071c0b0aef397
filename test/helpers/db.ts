import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { type Database, migrate, type OpenOptions, openDatabase } from '../../models/db';

/**
 * The database every spec runs on: SQLite in memory by default; MySQL/MariaDB when the run sets
 * LUME_TEST_DB=mysql (scripts/test.sh does, with TEST_MYSQL_URL). Each call gets a fresh,
 * migrated database; MySQL ones are created under a random name and dropped by `cleanup`.
 */
export const testDialect = (): 'sqlite' | 'mysql' =>
  process.env.LUME_TEST_DB === 'mysql' ? 'mysql' : 'sqlite';

export interface TestDatabase {
  db: Database;
  url: string;
  cleanup(): Promise<void>;
}

export async function createTestDatabase(opts: OpenOptions = {}): Promise<TestDatabase> {
  if (testDialect() === 'sqlite') {
    const url = 'sqlite::memory:';
    const db = await openDatabase(url, opts);
    await migrate(db);
    return { db, url, cleanup: () => db.close() };
  }
  const base = process.env.TEST_MYSQL_URL;
  if (!base) throw new Error('LUME_TEST_DB=mysql needs TEST_MYSQL_URL');
  const name = `lume_t_${randomBytes(6).toString('hex')}`;
  const admin = new URL(base);
  admin.pathname = '/';
  const conn = await createConnection(admin.toString());
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openDatabase(url.toString(), opts);
  await migrate(db);
  return {
    db,
    url: url.toString(),
    cleanup: async () => {
      await db.close();
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}
