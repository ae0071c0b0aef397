import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { TokenCipher } from '../../src/crypto/token-cipher';
import { GoogleAccountRevokedError, isInvalidGrant } from '../../src/google/errors';
import { TokenStore } from '../../src/google/token-store';
import { ADA } from '../fakes/google/server';
import { type AuthApp, Browser, connect, reachCallback, startAuthApp } from '../helpers/auth-app';

/**
 * Stored secrets that no configured key opens: the old key was dropped before `npm run rotate-keys`
 * finished, or a value was tampered with. People must be told to reconnect, not get a crash.
 */
describe('stored secrets that can no longer be decrypted', () => {
  let app: AuthApp;
  const lostKey = new TokenStore(new TokenCipher(randomBytes(32)));

  beforeEach(async () => {
    app = await startAuthApp();
    app.fake.state.addAccount(ADA);
  });
  afterEach(() => app.close());

  async function linkedUserWithLostKey() {
    const { url } = await app.ctx.links.create({ teamId: 'T1', slackUserId: 'U1' });
    const res = await connect(app, new URL(url).pathname + new URL(url).search, 'application/json');
    const { token } = (await res.json()) as { token: string };
    const user = (await app.ctx.accounts.findBySlack('T1', 'U1'))!;
    app.ctx.google.evict(user.id);
    // Re-encrypt the same tokens under a key this process does not have.
    lostKey.apply(user, { access_token: 'ya29.lost', refresh_token: '1//lost' });
    await user.save();
    return { user, session: token };
  }

  it('the Google client says "reconnect" (revoked), and the stored values are kept', async () => {
    const { user } = await linkedUserWithLostKey();
    const before = { a: user.accessTokenEnc, r: user.refreshTokenEnc };
    await assert.rejects(app.ctx.google.forUser(user), (err: unknown) => {
      assert.ok(err instanceof GoogleAccountRevokedError, `got ${(err as Error).name}`);
      assert.ok(isInvalidGrant(err), 'every caller that handles a revoked grant handles this too');
      return true;
    });
    const saved = await app.ctx.db.models.User.findByPk(user.id);
    // Restoring the missing key must bring the account back: nothing is deleted on a decrypt failure.
    assert.equal(saved?.accessTokenEnc, before.a);
    assert.equal(saved?.refreshTokenEnc, before.r);
  });

  it('POST /auth/refresh answers 409 with the reconnect message, not a 5xx', async () => {
    const { session } = await linkedUserWithLostKey();
    const res = await fetch(`${app.url}/auth/refresh`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session}` },
    });
    assert.equal(res.status, 409);
    const body = (await res.json()) as { error: string; message: string };
    assert.match(body.message, /reconnect/i);
  });

  it('a callback whose PKCE verifier cannot be decrypted is a 400 "start again", not a 500', async () => {
    const browser = new Browser();
    const callback = await reachCallback(app, browser, '/auth/oauth/google');
    const [row] = await app.ctx.db.models.OAuthState.findAll();
    row.pkceVerifierEnc = `${row.pkceVerifierEnc.slice(0, -4)}AAAA`;
    await row.save();
    const res = await browser.get(callback, { accept: 'application/json' });
    assert.equal(res.status, 400);
    assert.equal(app.fake.state.requestsTo('/token').length, 0, 'Google is never asked');
    assert.equal(await app.ctx.db.models.User.count(), 0);
  });
});
