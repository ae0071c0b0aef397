import 'dotenv/config';
import { parseConfig } from './config';

/**
 * Composition root: config → database + migrations → services → server. The only reader of
 * process.env. The configuration is checked before anything else is loaded: Bolt, googleapis,
 * Sequelize and the rest take about a second to import, and a missing variable should not wait
 * for them.
 */
async function main(): Promise<void> {
  const result = parseConfig(process.env);
  if (!result.ok) {
    process.stderr.write('Lume cannot start; fix these settings (see .env.template):\n');
    for (const problem of result.problems) process.stderr.write(`  - ${problem}\n`);
    process.exit(1);
  }
  const { run } = await import('./run');
  await run(result.config);
}

main().catch((err: unknown) => {
  // A start-up failure (database unreachable, port taken) is one clear line, not a stack trace.
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`Lume failed to start: ${message}\n`);
  process.exit(1);
});
