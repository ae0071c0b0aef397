import type { QueryInterface, Sequelize } from 'sequelize';
import type { Umzug } from 'umzug';

export interface Migration {
  name: string;
  up(qi: QueryInterface): Promise<void>;
  down(qi: QueryInterface): Promise<void>;
}

const TABLE = 'schema_migrations';

/**
 * Umzug over the given migrations (models/migrations' list), recorded in schema_migrations. Umzug (and
 * the ~170 files it loads) is imported only when there is something to migrate.
 */
export async function migrator(
  sequelize: Sequelize,
  migrations: Migration[],
): Promise<Umzug<QueryInterface>> {
  const { SequelizeStorage, Umzug } = await import('umzug');
  return new Umzug({
    migrations: migrations.map((m) => ({
      name: m.name,
      up: ({ context }) => m.up(context),
      down: ({ context }) => m.down(context),
    })),
    context: sequelize.getQueryInterface(),
    storage: new SequelizeStorage({ sequelize, tableName: TABLE }),
    logger: undefined,
  });
}

/**
 * Whether every migration is already applied, read straight from umzug's own table (one SELECT):
 * true on every start but the first after an upgrade. A missing table means nothing was applied.
 */
export async function isMigrated(sequelize: Sequelize, migrations: Migration[]): Promise<boolean> {
  let rows: { name: string }[];
  try {
    [rows] = (await sequelize.query(`SELECT name FROM ${TABLE}`)) as [{ name: string }[], unknown];
  } catch {
    return false;
  }
  const applied = new Set(rows.map((r) => r.name));
  return migrations.every((m) => applied.has(m.name));
}
