import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rotateKeys } from '../../src/auth/rotate-keys';
import { buildContext } from '../../src/build-context';
import { createLogger } from '../../src/log';
import { ADA } from '../fakes/google/server';
import { type AuthApp, connect, startAuthApp } from '../helpers/auth-app';
import { testConfig } from '../helpers/config';

describe('key rotation', () => {
  let app: AuthApp;
  beforeEach(async () => {
    app = await startAuthApp();
    app.fake.state.addAccount(ADA);
    const { url } = await app.ctx.links.create({ teamId: 'T1', slackUserId: 'U1' });
    await connect(app, new URL(url).pathname + new URL(url).search);
    await app.ctx.states.create(null); // a pending sign-in whose PKCE verifier must survive rotation
  });
  afterEach(() => app.close());

  it('re-encrypts every token and pending verifier with the new key, then the old key can go', async () => {
    const oldKey = app.ctx.config.tokenKeys.current.toString('base64');
    const newKey = randomBytes(32).toString('base64');
    const original = app.ctx.tokens.read((await app.ctx.db.models.User.findOne())!);

    const rotatedCtx = buildContext(
      testConfig({ TOKEN_ENCRYPTION_KEY: newKey, TOKEN_ENCRYPTION_PREVIOUS_KEYS: oldKey }),
      app.tdb.db,
      createLogger('silent'),
    );
    assert.deepEqual(await rotateKeys(app.tdb.db, rotatedCtx.tokens, rotatedCtx.states), {
      users: 1,
      oauthStates: 1,
    });
    assert.deepEqual(await rotateKeys(app.tdb.db, rotatedCtx.tokens, rotatedCtx.states), {
      users: 0,
      oauthStates: 0,
    });

    const newOnly = buildContext(
      testConfig({ TOKEN_ENCRYPTION_KEY: newKey }),
      app.tdb.db,
      createLogger('silent'),
    );
    const user = (await app.tdb.db.models.User.findOne())!;
    assert.deepEqual(newOnly.tokens.read(user), original);
    const state = (await app.tdb.db.models.OAuthState.findOne({ where: { usedAt: null } }))!;
    assert.ok(state.pkceVerifierEnc.includes(newOnly.cipher.currentKeyId));
  });
});
