import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase } from '../../models/db';
import { createTestDatabase, type TestDatabase, testDialect } from '../helpers/db';

/**
 * A test database that outlives its connection, so a spec can "restart" Lume on it: a temporary
 * SQLite file (an in-memory one dies with its connection), or the usual MySQL test database.
 * `reopen` gives a fresh connection to the same data.
 */
export async function durableDatabase(): Promise<TestDatabase & { reopen(): Promise<TestDatabase> }> {
  if (testDialect() === 'mysql') {
    const t = await createTestDatabase();
    return {
      ...t,
      reopen: async () => {
        const db = await openDatabase(t.url);
        return { db, url: t.url, cleanup: () => db.close() };
      },
    };
  }
  const file = join(tmpdir(), `lume-agent-${randomBytes(6).toString('hex')}.sqlite`);
  const url = `sqlite:${file}`;
  const db = await openDatabase(url);
  await migrate(db);
  const remove = () => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  };
  return {
    db,
    url,
    cleanup: async () => {
      await db.close();
      remove();
    },
    reopen: async () => {
      const again = await openDatabase(url);
      return { db: again, url, cleanup: () => again.close() };
    },
  };
}
