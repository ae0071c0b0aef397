import { migrate, openDatabase } from '../models/db';
import { createAgent } from './agent';
import { buildContext } from './build-context';
import type { Config } from './config';
import { recurringJobs } from './jobs';
import { startIntervalRunner } from './jobs/interval-runner';
import { createLogger } from './log';
import { createServer } from './server';

/** Database + migrations → services → server, on a configuration src/index.ts already checked. */
export async function run(config: Config): Promise<void> {
  const log = createLogger(config.logLevel);

  const db = await openDatabase(config.databaseUrl);
  const applied = await migrate(db);
  if (applied.length) log.info({ applied }, 'database migrations applied');

  const ctx = buildContext(config, db, log);
  const server = await createServer(ctx, { agent: (ports) => createAgent(ctx, ports) });
  const { port } = await server.listen(config.port);
  log.info(
    { port, publicUrl: config.publicUrl, dialect: db.dialect, slack: server.mode },
    'Lume is listening',
  );

  const stopJobs = startIntervalRunner(recurringJobs, ctx);

  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    stopJobs();
    await server.close();
    await ctx.google.flush();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
