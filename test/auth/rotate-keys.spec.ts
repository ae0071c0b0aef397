import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { buildContext } from '../../src/build-context';
import { createLogger } from '../../src/log';
import { rotateKeys } from '../../src/rotate-keys';
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
    assert.deepEqual(await rotateKeys(app.tdb.db, rotatedCtx.cipher), {
      users: 1,
      oauthStates: 1,
      unreadable: 0,
    });
    assert.deepEqual(await rotateKeys(app.tdb.db, rotatedCtx.cipher), {
      users: 0,
      oauthStates: 0,
      unreadable: 0,
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

  it('skips and reports a value no configured key opens, and still rotates the rest', async () => {
    const foreign = buildContext(
      testConfig({ TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64') }),
      app.tdb.db,
      createLogger('silent'),
    );
    const stray = app.tdb.db.models.User.build({
      id: randomUUID(),
      googleId: 'g-foreign',
      email: 'stray@example.com',
      name: null,
      accessTokenEnc: null,
      refreshTokenEnc: null,
      tokenExpiresAt: null,
      grantedScopes: '',
      status: 'connected',
    });
    foreign.tokens.apply(stray, { refresh_token: '1//foreign' });
    await stray.save();
    const oldKey = app.ctx.config.tokenKeys.current.toString('base64');
    const rotated = buildContext(
      testConfig({
        TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        TOKEN_ENCRYPTION_PREVIOUS_KEYS: oldKey,
      }),
      app.tdb.db,
      createLogger('silent'),
    );
    assert.deepEqual(await rotateKeys(app.tdb.db, rotated.cipher), {
      users: 1,
      oauthStates: 1,
      unreadable: 1,
    });
    const kept = await app.tdb.db.models.User.findByPk(stray.id);
    assert.equal(kept?.refreshTokenEnc, stray.refreshTokenEnc, 'the unreadable value is left as it was');
  });
});
