import assert from 'node:assert/strict';
import type { AccountLinkedEvent } from '../../src/auth/link-hooks';
import { sha256Hex } from '../../src/auth/secrets';
import { REQUESTED_SCOPES, SCOPES } from '../../src/google/scopes';
import { ADA } from '../fakes/google/server';
import { type AuthApp, Browser, connect, reachCallback, startAuthApp } from '../helpers/auth-app';

async function counts(app: AuthApp) {
  const m = app.ctx.db.models;
  return {
    users: await m.User.count(),
    identities: await m.SlackIdentity.count(),
    states: await m.OAuthState.count(),
    usedStates: (await m.OAuthState.findAll()).filter((s) => s.usedAt).length,
  };
}

describe('Google OAuth account linking', () => {
  let app: AuthApp;
  let linked: AccountLinkedEvent[];
  const link = async (teamId = 'T1', slackUserId = 'U1') => {
    const { url } = await app.ctx.links.create({ teamId, slackUserId });
    return new URL(url).pathname + new URL(url).search;
  };

  beforeEach(async () => {
    app = await startAuthApp();
    app.fake.state.addAccount(ADA);
    linked = [];
    app.ctx.hooks.onAccountLinked((e) => {
      linked.push(e);
    });
  });
  afterEach(() => app.close());

  it('redirects to Google with hashed single-use state, PKCE S256 and the seed scopes', async () => {
    const res = await new Browser().get(`${app.url}${await link()}`);
    assert.equal(res.status, 302);
    const to = new URL(res.headers.get('location') as string);
    assert.equal(to.origin + to.pathname, `${app.fake.url}/o/oauth2/v2/auth`);
    const q = to.searchParams;
    assert.equal(q.get('response_type'), 'code');
    assert.equal(q.get('access_type'), 'offline');
    assert.equal(q.get('prompt'), 'consent');
    assert.equal(q.get('include_granted_scopes'), 'true');
    assert.equal(q.get('code_challenge_method'), 'S256');
    assert.match(q.get('code_challenge') as string, /^[A-Za-z0-9_-]{43}$/);
    assert.deepEqual((q.get('scope') as string).split(' ').sort(), [...REQUESTED_SCOPES].sort());
    const state = q.get('state') as string;
    assert.ok(Buffer.from(state, 'base64url').length >= 16, 'state carries at least 128 bits');
    const [row] = await app.ctx.db.models.OAuthState.findAll();
    assert.equal(row.stateHash, sha256Hex(state), 'only the hash of the state is stored');
    assert.ok(!row.pkceVerifierEnc.includes(q.get('code_challenge') as string));
    assert.equal(row.teamId, 'T1');
    assert.ok(row.expiresAt.getTime() - Date.now() <= 10 * 60 * 1000);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
  });

  it('links the Google account to the Slack user and stores tokens encrypted', async () => {
    const res = await connect(app, await link('T1', 'U1'));
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Connected as ada@example\.com/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('lume_session='));
    assert.ok(cookie && /HttpOnly/.test(cookie) && /SameSite=Lax/.test(cookie), cookie);

    const user = await app.ctx.accounts.findBySlack('T1', 'U1');
    assert.ok(user);
    assert.equal(user.email, ADA.email);
    assert.equal(user.status, 'connected');
    const [issuedRefresh] = [...app.fake.state.refreshTokens.keys()];
    assert.ok(user.refreshTokenEnc?.startsWith('v1.'));
    assert.ok(!user.refreshTokenEnc?.includes(issuedRefresh));
    assert.equal(app.ctx.tokens.read(user).refreshToken, issuedRefresh);
    assert.ok(user.scopes.includes(SCOPES.gmailReadonly));
    assert.equal(linked.length, 1);
    assert.deepEqual(
      [linked[0].teamId, linked[0].slackUserId, linked[0].user.email],
      ['T1', 'U1', ADA.email],
    );
  });

  it('the success page names the Slack person it linked to, and how to take access back', async () => {
    app.ctx.hooks.describeSlackUsersWith(async ({ slackUserId }) =>
      slackUserId === 'U1' ? { userName: 'Ada <b>Lovelace</b>', teamName: 'Acme' } : null,
    );
    const html = await (await connect(app, await link('T1', 'U1'))).text();
    assert.match(
      html,
      /ada@example\.com is now linked to Lume for Ada &lt;b&gt;Lovelace&lt;\/b&gt; in the Acme Slack workspace/,
    );
    assert.match(html, /Not you, or did someone send you this link\?/);
    assert.match(html, /href="https:\/\/myaccount\.google\.com\/permissions"/);
  });

  it('a failing or silent describer does not break the success page', async () => {
    app.ctx.hooks.describeSlackUsersWith(async () => {
      throw new Error('users.info failed');
    });
    const res = await connect(app, await link());
    assert.equal(res.status, 200);
    assert.match(await res.text(), /linked to Lume for the Slack account that asked for this link/);
  });

  it('answers JSON {token, user} when the client accepts JSON, without token values', async () => {
    const res = await connect(app, await link(), 'application/json');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { token: string; user: { email: string; slack: unknown[] } };
    assert.equal(
      app.ctx.sessions.verify(body.token).userId,
      (await app.ctx.accounts.findBySlack('T1', 'U1'))?.id,
    );
    assert.equal(body.user.email, ADA.email);
    assert.deepEqual(body.user.slack, [{ teamId: 'T1', userId: 'U1' }]);
    const text = JSON.stringify(body);
    for (const t of [...app.fake.state.refreshTokens.keys(), ...app.fake.state.accessTokens.keys()]) {
      assert.ok(!text.includes(t), 'no Google token in the response');
    }
  });

  it('stores only the scopes the user left ticked', async () => {
    app.fake.state.consent.grant = (requested) => requested.filter((s) => !s.includes('gmail'));
    await connect(app, await link());
    const user = await app.ctx.accounts.findBySlack('T1', 'U1');
    assert.ok(user?.scopes.includes(SCOPES.calendar));
    assert.ok(!user?.scopes.some((s) => s.includes('gmail')));
  });

  it('without a link it is a plain web sign-in with no Slack link', async () => {
    const res = await connect(app, '/auth/oauth/google', 'application/json');
    assert.equal(res.status, 200);
    assert.equal(await app.ctx.db.models.SlackIdentity.count(), 0);
    assert.equal(await app.ctx.db.models.User.count(), 1);
    assert.equal(linked.length, 0);
  });

  for (const [what, makePath] of [
    ['unknown', async () => '/auth/oauth/google?link=not-a-real-link'],
    [
      'used',
      async (a: AuthApp) => {
        const p = await link();
        await new Browser().get(`${a.url}${p}`);
        return p;
      },
    ],
  ] as const) {
    it(`refuses a ${what} connect link with a 4xx page and writes nothing`, async () => {
      const path = await makePath(app);
      const before = await counts(app);
      const res = await new Browser().get(`${app.url}${path}`);
      assert.equal(res.status, 410);
      assert.match(await res.text(), /\/lume connect/);
      assert.deepEqual(await counts(app), before);
    });
  }

  it('refuses an expired connect link', async () => {
    const p = await link();
    await app.ctx.db.models.ConnectLink.update({ expiresAt: new Date(Date.now() - 1000) }, { where: {} });
    const res = await new Browser().get(`${app.url}${p}`);
    assert.equal(res.status, 410);
    assert.equal(await app.ctx.db.models.OAuthState.count(), 0);
  });

  it('a replayed state gets 400 and never reaches the token endpoint', async () => {
    const browser = new Browser();
    const callback = await reachCallback(app, browser, await link());
    assert.equal((await browser.get(callback)).status, 200);
    const tokenCalls = app.fake.state.requestsTo('/token').length;
    const replay = await browser.get(callback);
    assert.equal(replay.status, 400);
    assert.equal(app.fake.state.requestsTo('/token').length, tokenCalls);
  });

  it('an expired state gets 400 and no token request', async () => {
    const browser = new Browser();
    const callback = await reachCallback(app, browser, await link());
    await app.ctx.db.models.OAuthState.update({ expiresAt: new Date(Date.now() - 1) }, { where: {} });
    assert.equal((await browser.get(callback)).status, 400);
    assert.equal(app.fake.state.requestsTo('/token').length, 0);
    assert.equal(await app.ctx.db.models.User.count(), 0);
  });

  it('missing or unknown state gets 400', async () => {
    const b = new Browser();
    assert.equal((await b.get(`${app.url}/auth/oauth/google/callback?code=x`)).status, 400);
    assert.equal((await b.get(`${app.url}/auth/oauth/google/callback?code=x&state=nope`)).status, 400);
    assert.equal((await b.get(`${app.url}/auth/oauth/google/callback`)).status, 400);
    assert.equal(app.fake.state.requestsTo('/token').length, 0);
  });

  it('a callback opened in another browser is refused and does not burn the real state', async () => {
    const owner = new Browser();
    const callback = await reachCallback(app, owner, await link());
    const attacker = new Browser();
    assert.equal((await attacker.get(callback)).status, 400);
    assert.equal(app.fake.state.requestsTo('/token').length, 0);
    assert.equal((await owner.get(callback)).status, 200);
  });

  it('two concurrent callbacks with the same state: one wins, one link, one token request', async () => {
    const browser = new Browser();
    const callback = await reachCallback(app, browser, await link());
    const results = await Promise.all([browser.get(callback), browser.get(callback), browser.get(callback)]);
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 400, 400]);
    assert.equal(app.fake.state.requestsTo('/token').length, 1);
    assert.equal(await app.ctx.db.models.SlackIdentity.count(), 1);
    assert.equal(linked.length, 1);
  });

  it('access_denied at Google gives a friendly page and writes nothing', async () => {
    app.fake.state.consent.deny = true;
    const p = await link();
    const before = await counts(app);
    const res = await connect(app, p);
    assert.equal(res.status, 403);
    assert.match(await res.text(), /cancelled/);
    const after = await counts(app);
    assert.equal(after.users, before.users);
    assert.equal(after.identities, 0);
    assert.equal(app.fake.state.requestsTo('/token').length, 0);
  });

  it('a failed code exchange gives 502 and stores no user', async () => {
    app.fake.state.failures.push({ match: /^\/token$/, status: 500 });
    const res = await connect(app, await link());
    assert.equal(res.status, 502);
    assert.match(await res.text(), /nothing was saved/);
    assert.equal(await app.ctx.db.models.User.count(), 0);
    assert.equal(await app.ctx.db.models.SlackIdentity.count(), 0);
  });

  it('a wrong PKCE verifier is refused by Google and stores nothing', async () => {
    const browser = new Browser();
    const callback = await reachCallback(app, browser, await link());
    // Google saw a challenge that no longer matches what Lume will send.
    for (const code of app.fake.state.codes.values()) code.codeChallenge = 'x'.repeat(43);
    assert.equal((await browser.get(callback)).status, 502);
    assert.equal(await app.ctx.db.models.User.count(), 0);
  });

  it('rate-limits plain web sign-ins per client (they store a state before any credential), not Slack links', async () => {
    const plain = () => new Browser().get(`${app.url}/auth/oauth/google`);
    for (let i = 0; i < 10; i++) assert.equal((await plain()).status, 302);
    const limited = await plain();
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '60');
    assert.equal(await app.ctx.db.models.OAuthState.count(), 10);
    assert.equal(
      (await new Browser().get(`${app.url}${await link()}`)).status,
      302,
      'connect links still work',
    );
  });

  it('refuses to link when Google grants no refresh token and none is stored', async () => {
    app.fake.state.omitRefreshToken = true;
    const res = await connect(app, await link());
    assert.equal(res.status, 502);
    assert.match(await res.text(), /lasting access/);
    assert.equal(await app.ctx.db.models.User.count(), 0);
    assert.equal(await app.ctx.db.models.SlackIdentity.count(), 0);
    assert.equal(linked.length, 0, 'no "Connected" DM for an account Lume cannot keep using');
  });

  it('re-consent without a new refresh token keeps the stored one and links', async () => {
    await connect(app, await link('T1', 'U1'));
    const stored = app.ctx.tokens.read((await app.ctx.accounts.findBySlack('T1', 'U1'))!).refreshToken;
    app.fake.state.omitRefreshToken = true;
    const res = await connect(app, await link('T1', 'U2'));
    assert.equal(res.status, 200);
    const user = await app.ctx.accounts.findBySlack('T1', 'U2');
    assert.equal(app.ctx.tokens.read(user!).refreshToken, stored);
  });

  it('relinking a Slack user to another Google account lets go of the orphaned one', async () => {
    await connect(app, await link('T1', 'U1'));
    const first = await app.ctx.accounts.findBySlack('T1', 'U1');
    app.fake.state.addAccount({ sub: '200', email: 'ada.work@example.com', name: 'Ada Work' });
    app.fake.state.consent = { sub: '200' };
    await connect(app, await link('T1', 'U1'));
    const second = await app.ctx.accounts.findBySlack('T1', 'U1');
    assert.equal(second?.email, 'ada.work@example.com');
    assert.equal(await app.ctx.db.models.User.findByPk(first?.id), null);
    assert.equal(app.fake.state.revoked.length, 1, 'the old grant was revoked at Google');
  });
});
