import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Sequelize } from 'sequelize';
import { initModels, type Models } from './index';
import { isMigrated, migrator } from './migrate';
import { migrations } from './migrations';

export interface Database {
  sequelize: Sequelize;
  models: Models;
  dialect: 'sqlite' | 'mysql';
  /** Cheap round trip used by /ready. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Called with each SQL statement; tests and benchmarks count queries with it. */
  onQuery?: (sql: string) => void;
}

function build(url: string, opts: OpenOptions): { sequelize: Sequelize; dialect: 'sqlite' | 'mysql' } {
  const logging = opts.onQuery ? (sql: string) => opts.onQuery?.(sql) : false;
  if (url.startsWith('sqlite:')) {
    const rest = url.slice('sqlite:'.length).replace(/^\/\//, '');
    const storage = rest === ':memory:' || rest === '' ? ':memory:' : resolve(rest);
    if (storage !== ':memory:') mkdirSync(dirname(storage), { recursive: true });
    const sequelize = new Sequelize({
      dialect: 'sqlite',
      storage,
      logging,
      // One connection: SQLite serialises writers anyway, and an in-memory DB exists per connection.
      pool: { max: 1, min: 0, idle: 60_000 },
      retry: { max: 5, match: [/SQLITE_BUSY/] },
    });
    return { sequelize, dialect: 'sqlite' };
  }
  const mysqlUrl = url.replace(/^mariadb:/, 'mysql:');
  const sequelize = new Sequelize(mysqlUrl, {
    dialect: 'mysql',
    logging,
    timezone: '+00:00',
    dialectOptions: { dateStrings: false, supportBigNumbers: true, charset: 'utf8mb4' },
    pool: { max: 10, min: 0, idle: 10_000, acquire: 10_000 },
    define: { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
  });
  return { sequelize, dialect: 'mysql' };
}

export async function openDatabase(url: string, opts: OpenOptions = {}): Promise<Database> {
  const { sequelize, dialect } = build(url, opts);
  await sequelize.authenticate();
  if (dialect === 'sqlite') {
    await sequelize.query('PRAGMA foreign_keys = ON');
    await sequelize.query('PRAGMA journal_mode = WAL');
    await sequelize.query('PRAGMA busy_timeout = 5000');
  }
  const models = initModels(sequelize);
  let closed = false;
  return {
    sequelize,
    models,
    dialect,
    ping: async () => {
      await sequelize.query('SELECT 1');
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await sequelize.close();
    },
  };
}

/** Apply every pending migration; returns the names applied. */
export async function migrate(db: Database): Promise<string[]> {
  if (await isMigrated(db.sequelize, migrations)) return [];
  const applied = await (await migrator(db.sequelize, migrations)).up();
  return applied.map((m) => m.name);
}
