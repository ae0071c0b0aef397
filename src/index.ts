import 'dotenv/config';
import { migrate, openDatabase } from '../models/db';
import { createAgent } from './agent';
import { buildContext } from './build-context';
import { parseConfig } from './config';
import { recurringJobs } from './jobs';
import { startIntervalRunner } from './jobs/interval-runner';
import { createLogger } from './log';
import { createServer } from './server';

/** Composition root: config → database + migrations → services → server. The only reader of process.env. */
async function main(): Promise<void> {
  const result = parseConfig(process.env);
  if (!result.ok) {
    process.stderr.write('Lume cannot start; fix these settings (see .env.template):\n');
    for (const problem of result.problems) process.stderr.write(`  - ${problem}\n`);
    process.exit(1);
  }
  const config = result.config;
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

main().catch((err: unknown) => {
  // A start-up failure (database unreachable, port taken) is one clear line, not a stack trace.
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`Lume failed to start: ${message}\n`);
  process.exit(1);
});
