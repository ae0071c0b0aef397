import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { migrate, openDatabase } from '../../models/db';
import { PendingActions } from '../../src/agent/confirm/pending-actions';
import { conversationKey } from '../../src/agent/memory/conversation-key';
import { ConversationMemory } from '../../src/agent/memory/memory-store';
import { buildContext } from '../../src/build-context';
import { Sealer } from '../../src/crypto/sealer';
import { PayloadCodec } from '../../src/jobs/engine/payload';
import { createLogger } from '../../src/log';
import { testConfig } from '../helpers/config';
import { createTestDatabase, type TestDatabase, testDialect } from '../helpers/db';

/** Every column Lume stores encrypted, as raw strings: after rotation each must carry the new key id. */
async function encryptedValues(tdb: TestDatabase): Promise<string[]> {
  const m = tdb.db.models;
  const users = await m.User.findAll();
  const states = await m.OAuthState.findAll();
  const messages = await m.AgentMessage.findAll();
  const actions = await m.PendingAction.findAll();
  const jobs = await m.Job.findAll();
  return [
    ...users.flatMap((u) => [u.accessTokenEnc, u.refreshTokenEnc]),
    ...states.map((s) => s.pkceVerifierEnc),
    ...messages.map((x) => x.contentEnc),
    ...actions.flatMap((a) => [a.argsEnc, a.previewEnc]),
    ...jobs.map((j) => j.payload).filter((p) => !p.startsWith('{')),
  ].filter((v): v is string => !!v);
}

describe('npm run rotate-keys (the command)', function () {
  this.timeout(30_000);
  let dir: string;
  let tdb: TestDatabase;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lume-rotate-'));
    if (testDialect() === 'sqlite') {
      const url = `sqlite:${join(dir, 'lume.sqlite')}`;
      const db = await openDatabase(url);
      await migrate(db);
      tdb = { db, url, cleanup: () => db.close() };
    } else {
      tdb = await createTestDatabase();
    }
  });
  afterEach(async () => {
    await tdb.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('re-encrypts tokens, PKCE verifiers, conversation memory, pending actions and sealed job payloads with the new key', async () => {
    const oldKey = randomBytes(32).toString('base64');
    const newKey = randomBytes(32).toString('base64');
    const ctx = buildContext(testConfig({ TOKEN_ENCRYPTION_KEY: oldKey }), tdb.db, createLogger('silent'));
    const user = ctx.db.models.User.build({
      id: randomUUID(),
      googleId: 'g-rotate',
      email: 'ada@example.com',
      name: 'Ada',
      accessTokenEnc: null,
      refreshTokenEnc: null,
      tokenExpiresAt: null,
      grantedScopes: '',
      status: 'connected',
    });
    ctx.tokens.apply(user, {
      access_token: 'ya29.old',
      refresh_token: '1//old',
      expiry_date: Date.now() + 3600_000,
    });
    await user.save();
    await ctx.states.create({ teamId: 'T1', slackUserId: 'U1' });
    const sealer = new Sealer(ctx.cipher);
    const ref = { userId: user.id, teamId: 'T1', channelId: 'D1', threadTs: '1.0' };
    await new ConversationMemory(ctx.db.models, sealer, ctx.log, ctx.now).appendTo(
      conversationKey(ref),
      user.id,
      [{ role: 'user', parts: [{ text: 'what is on tomorrow?' }] }],
    );
    await new PendingActions(ctx.db.models, sealer, ctx.now).create({
      teamId: 'T1',
      slackUserId: 'U1',
      userId: user.id,
      channelId: 'D1',
      conversationKey: conversationKey(ref),
      toolName: 'send_email',
      args: { to: ['priya@example.com'], subject: 'Report', body: 'Attached.' },
      preview: { title: 'Send email', fields: [{ label: 'To', value: 'priya@example.com' }] },
    });
    const jobRow = { id: randomUUID(), key: 'brief:T1:U1' };
    await ctx.db.models.Job.create({
      id: jobRow.id,
      kind: 'brief',
      uniqueKey: jobRow.key,
      state: 'queued',
      runAt: new Date(),
      payload: new PayloadCodec(ctx.cipher).encode({ title: 'Dentist' }, true, jobRow),
      maxAttempts: 5,
      leaseOwner: null,
      leaseExpiresAt: null,
      lastError: null,
    });
    // A job that names only ids stays plain JSON, and rotation leaves it alone.
    await ctx.db.models.Job.create({
      id: randomUUID(),
      kind: 'sync',
      uniqueKey: 'sync:T1:U1',
      state: 'queued',
      runAt: new Date(),
      payload: '{"identity":1}',
      maxAttempts: 5,
      leaseOwner: null,
      leaseExpiresAt: null,
      lastError: null,
    });
    const before = await encryptedValues(tdb);
    assert.equal(before.length, 7);

    const env = {
      PATH: process.env.PATH ?? '',
      ...testConfigEnv(),
      DATABASE_URL: tdb.url,
      TOKEN_ENCRYPTION_KEY: newKey,
      TOKEN_ENCRYPTION_PREVIOUS_KEYS: oldKey,
    };
    const run = spawnSync(
      process.execPath,
      ['-r', require.resolve('tsx/cjs'), resolve('scripts/rotate-keys.ts')],
      {
        cwd: dir,
        env,
        encoding: 'utf8',
      },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /1 user\(s\), 1 pending OAuth state\(s\), 2 agent row\(s\), 1 job payload\(s\)/);

    const newOnly = buildContext(
      testConfig({ TOKEN_ENCRYPTION_KEY: newKey }),
      tdb.db,
      createLogger('silent'),
    );
    const after = await encryptedValues(tdb);
    assert.equal(after.length, before.length);
    for (const value of after) assert.ok(value.startsWith(`v1.${newOnly.cipher.currentKeyId}.`));
    const reloaded = await tdb.db.models.User.findByPk(user.id);
    assert.equal(newOnly.tokens.read(reloaded!).refreshToken, '1//old');
    const memory = await new ConversationMemory(
      tdb.db.models,
      new Sealer(newOnly.cipher),
      newOnly.log,
      newOnly.now,
    ).load(ref);
    assert.match(JSON.stringify(memory), /what is on tomorrow/);
    const job = await tdb.db.models.Job.findByPk(jobRow.id);
    assert.deepEqual(new PayloadCodec(newOnly.cipher).decode(job!.payload, jobRow), { title: 'Dentist' });
  });
});

/** The required variables, as strings for a child process. */
function testConfigEnv(): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: 'xoxb-rotate',
    SLACK_SIGNING_SECRET: 'rotate-secret',
    GOOGLE_CLIENT_ID: 'rotate.apps.googleusercontent.com',
    GOOGLE_CLIENT_SECRET: 'rotate-secret',
    JWT_SECRET: 'rotate-jwt-secret-that-is-at-least-32-bytes',
    LOG_LEVEL: 'silent',
  };
}
