import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { User } from '../../models';
import { DecryptError } from '../../src/crypto/token-cipher';
import { GoogleAccountRevokedError, GoogleNotConnectedError } from '../../src/google/errors';
import { ADA } from '../fakes/google/server';
import { type AuthApp, startAuthApp } from '../helpers/auth-app';

const refreshCalls = (app: AuthApp) =>
  app.fake.state
    .requestsTo('/token')
    .filter((r) => (r.body as Record<string, string>).grant_type === 'refresh_token');

/** A connected user whose tokens came from the fake Google, stored the way the callback stores them. */
async function connectedUser(app: AuthApp, sub = ADA.sub): Promise<User> {
  const scopes = ['openid', 'email', 'profile'];
  const access = app.fake.state.issueAccessToken(sub, scopes);
  const refresh = app.fake.state.issueRefreshToken(sub, scopes, app.ctx.config.google.clientId);
  const user = app.ctx.db.models.User.build({
    id: randomUUID(),
    googleId: `${sub}-${randomUUID()}`,
    email: ADA.email,
    name: ADA.name,
    accessTokenEnc: null,
    refreshTokenEnc: null,
    tokenExpiresAt: null,
    grantedScopes: '',
    status: 'connected',
  });
  app.ctx.tokens.apply(user, {
    access_token: access.token,
    refresh_token: refresh,
    expiry_date: Date.now() + access.expiresIn * 1000,
    scope: scopes.join(' '),
  });
  return user.save();
}

describe('Google client factory', () => {
  let app: AuthApp;
  beforeEach(async () => {
    app = await startAuthApp();
    app.fake.state.addAccount(ADA);
  });
  afterEach(() => app.close());

  it('keeps one client per user per process and sends API calls to GOOGLE_API_ROOT_URL', async () => {
    const user = await connectedUser(app);
    const a = await app.ctx.google.forUser(user);
    assert.equal(await app.ctx.google.forUser(user), a);
    const { data } = await a.apis.oauth2().userinfo.get();
    assert.equal(data.email, ADA.email);
    assert.equal(app.fake.state.requestsTo('/oauth2/v2/userinfo').length, 1);
  });

  it('20 concurrent calls with an expired token cause exactly one refresh, persisted and merged', async () => {
    const user = await connectedUser(app);
    const refreshToken = app.ctx.tokens.read(user).refreshToken;
    user.tokenExpiresAt = new Date(Date.now() - 60_000);
    await user.save();
    app.fake.state.expireAccessTokens(ADA.sub);
    app.fake.state.delays.push({ match: /^\/token$/, ms: 50 });

    const results = await Promise.all(
      Array.from({ length: 20 }, async () =>
        (await app.ctx.google.forUser(user)).apis.oauth2().userinfo.get(),
      ),
    );
    assert.ok(results.every((r) => r.data.email === ADA.email));
    assert.equal(refreshCalls(app).length, 1);

    await app.ctx.google.flush(user.id);
    const saved = await app.ctx.db.models.User.findByPk(user.id);
    const tokens = app.ctx.tokens.read(saved!);
    assert.ok(app.fake.state.accessTokens.get(tokens.accessToken as string)!.expiresAt > Date.now());
    assert.equal(tokens.refreshToken, refreshToken, 'Google omitted refresh_token; the stored one is kept');
    assert.ok((saved!.tokenExpiresAt as Date).getTime() > Date.now());
  });

  it('invalid_grant during an API call marks the account revoked and deletes its tokens', async () => {
    const user = await connectedUser(app);
    user.tokenExpiresAt = new Date(Date.now() - 60_000);
    await user.save();
    app.fake.state.revokeAccount(ADA.sub);
    const { apis } = await app.ctx.google.forUser(user);
    await assert.rejects(apis.oauth2().userinfo.get(), GoogleAccountRevokedError);
    const saved = await app.ctx.db.models.User.findByPk(user.id);
    assert.equal(saved?.status, 'revoked');
    assert.equal(saved?.refreshTokenEnc, null);
    await assert.rejects(app.ctx.google.forUser(saved!), GoogleNotConnectedError);
  });

  it('a token Google dropped before its expiry is refreshed once and the call succeeds', async () => {
    const user = await connectedUser(app);
    const stale = app.ctx.tokens.read(user).accessToken as string;
    app.fake.state.accessTokens.delete(stale);
    const { apis } = await app.ctx.google.forUser(user);
    const { data } = await apis.oauth2().userinfo.get();
    assert.equal(data.email, ADA.email);
    assert.equal(refreshCalls(app).length, 1);
  });

  it('a grant revoked before the token expired surfaces as revoked, not as a generic 401', async () => {
    const user = await connectedUser(app);
    app.fake.state.revokeAccount(ADA.sub);
    const { apis } = await app.ctx.google.forUser(user);
    await assert.rejects(apis.oauth2().userinfo.get(), GoogleAccountRevokedError);
    assert.equal((await app.ctx.db.models.User.findByPk(user.id))?.status, 'revoked');
  });

  it('an encrypted token copied into another user row does not decrypt', async () => {
    const ada = await connectedUser(app);
    const other = await connectedUser(app);
    other.refreshTokenEnc = ada.refreshTokenEnc;
    await other.save();
    const reloaded = await app.ctx.db.models.User.findByPk(other.id);
    assert.throws(() => app.ctx.tokens.read(reloaded!), DecryptError);
  });

  it('disconnect revokes the grant at Google and forgets the tokens', async () => {
    const user = await connectedUser(app);
    const refresh = app.ctx.tokens.read(user).refreshToken as string;
    const result = await app.ctx.accounts.revokeGrant(user);
    assert.deepEqual(result, { revokedAtGoogle: true });
    assert.deepEqual(app.fake.state.revoked, [refresh]);
    const saved = await app.ctx.db.models.User.findByPk(user.id);
    assert.equal(saved?.status, 'revoked');
    assert.equal(saved?.accessTokenEnc, null);
  });
});
