import { migrate, openDatabase } from '../models/db';
import { createAgent } from './agent';
import { buildContext } from './build-context';
import type { Config } from './config';
import { startHousekeeping } from './housekeeping';
import { createLogger } from './log';
import { HOUSEKEEPING_INTERVAL_MS, purgeTasks } from './maintenance';
import { createServer } from './server';

/** Database + migrations → services → server, on a configuration src/index.ts already checked. */
export async function run(config: Config): Promise<void> {
  const log = createLogger(config.logLevel);

  const db = await openDatabase(config.databaseUrl);
  const applied = await migrate(db);
  if (applied.length) log.info({ applied }, 'database migrations applied');

  const ctx = buildContext(config, db, log);
  const server = await createServer(ctx, { agent: createAgent(ctx) });
  const { port } = await server.listen(config.port);
  log.info(
    { port, publicUrl: config.publicUrl, dialect: db.dialect, slack: server.mode },
    'Lume is listening',
  );

  const stopHousekeeping = startHousekeeping(purgeTasks(ctx), HOUSEKEEPING_INTERVAL_MS, log);

  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    stopHousekeeping();
    await server.close();
    await ctx.google.flush();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
