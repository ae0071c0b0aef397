import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { migrate, openDatabase } from '../models/db';
import { createAgent } from './agent';
import { buildContext } from './build-context';
import type { Config } from './config';
import { createAppJobEngine } from './jobs/app-engine';
import type { JobPorts } from './jobs/ports';
import { createLogger } from './log';
import { createServer } from './server';

/** How long shutdown waits for running job attempts before handing them back to the queue. */
const JOBS_STOP_DEADLINE_MS = 10_000;

/** Database + migrations → services → server and job engine, on a configuration src/index.ts already checked. */
export async function run(config: Config): Promise<void> {
  const log = createLogger(config.logLevel);

  const db = await openDatabase(config.databaseUrl);
  const applied = await migrate(db);
  if (applied.length) log.info({ applied }, 'database migrations applied');

  const ctx = buildContext(config, db, log, undefined, undefined, { processMetrics: true });
  let agent: JobPorts['agent'];
  const server = await createServer(ctx, {
    agent: (ports) => {
      const built = createAgent(ctx, ports);
      agent = built;
      return built;
    },
  });

  // Ports that Slack (or anything else outside src/jobs) implements for job kinds are passed here.
  const ports: JobPorts = { agent, messenger: server.messenger, people: server.people };
  // Every instance on the database claims jobs under its own name; a restart is a new instance.
  const instanceId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  // Its events (lag, failures, heartbeat) reach ctx.telemetry: /metrics and /ready.
  const engine = createAppJobEngine(ctx, { instanceId, ports });
  await engine.start();

  const { port } = await server.listen(config.port).catch(async (err: unknown) => {
    await engine.stop(0); // the port is taken, say: hand back what it claimed before the process exits
    throw err;
  });
  log.info(
    { port, publicUrl: config.publicUrl, dialect: db.dialect, slack: server.mode, instanceId },
    'Lume is listening',
  );

  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    try {
      // First, so running jobs finish or are handed back (due at once) while the database is still open.
      await engine.stop(JOBS_STOP_DEADLINE_MS);
    } catch (err) {
      log.error({ err }, 'job engine did not stop cleanly; its leases expire and are taken over');
    }
    await server.close();
    await ctx.google.flush();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
