// `npm run rotate-keys`: re-encrypt every stored Google token with TOKEN_ENCRYPTION_KEY.
// An entry point like src/index.ts, so it reads the environment itself.
import 'dotenv/config';
import { migrate, openDatabase } from '../models/db';
import { buildContext } from '../src/build-context';
import { parseConfig } from '../src/config';
import { createLogger } from '../src/log';
import { rotateAllKeys } from '../src/rotate-keys';

async function main(): Promise<void> {
  const result = parseConfig(process.env);
  if (!result.ok) {
    for (const problem of result.problems) process.stderr.write(`  - ${problem}\n`);
    process.exit(1);
  }
  const log = createLogger(result.config.logLevel);
  const db = await openDatabase(result.config.databaseUrl);
  await migrate(db);
  const ctx = buildContext(result.config, db, log);
  const report = await rotateAllKeys(ctx);
  process.stdout.write(
    `Re-encrypted with key ${ctx.cipher.currentKeyId}: ${report.users} user(s), ${report.oauthStates} pending OAuth state(s), ${report.agentRows} agent row(s), ${report.jobPayloads} job payload(s), ${report.settingsRows} person setting(s), ${report.noticeRows} notice(s), ${report.calendarRows} calendar sync state(s).
`,
  );
  await db.close();
  if (report.unreadable > 0) {
    process.stderr.write(
      `${report.unreadable} stored value(s) could not be decrypted with any configured key and were left as they are; ` +
        'the people concerned are asked to reconnect. Keep TOKEN_ENCRYPTION_PREVIOUS_KEYS until this reports none.\n',
    );
    process.exit(2);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`rotate-keys failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
