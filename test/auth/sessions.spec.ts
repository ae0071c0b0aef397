import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { ADA } from '../fakes/google/server';
import { type AuthApp, connect, startAuthApp } from '../helpers/auth-app';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** The auth routes on a fresh database, and Ada signed in through a Slack connect link. */
async function signedIn(): Promise<{ app: AuthApp; token: string; userId: string }> {
  const app = await startAuthApp();
  app.fake.state.addAccount(ADA);
  const { url } = await app.ctx.links.create({ teamId: 'T1', slackUserId: 'U1' });
  const res = await connect(app, new URL(url).pathname + new URL(url).search, 'application/json');
  const token = ((await res.json()) as { token: string }).token;
  return { app, token, userId: app.ctx.sessions.verify(token).userId };
}

describe('sessions and the /auth API', () => {
  let app: AuthApp;
  let token: string;
  let userId: string;

  beforeEach(async () => {
    ({ app, token, userId } = await signedIn());
  });
  afterEach(() => app.close());

  const me = (headers: Record<string, string>) => fetch(`${app.url}/auth/me`, { headers });

  it('GET /auth/me with a Bearer token: profile, Slack links, scopes, status — never token values', async () => {
    const res = await me({ authorization: `Bearer ${token}` });
    assert.equal(res.status, 200);
    const text = await res.text();
    const { user } = JSON.parse(text);
    assert.equal(user.email, ADA.email);
    assert.equal(user.status, 'connected');
    assert.equal(user.connected, true);
    assert.deepEqual(user.slack, [{ teamId: 'T1', userId: 'U1' }]);
    assert.ok(user.scopes.length > 3);
    for (const t of [...app.fake.state.refreshTokens.keys(), ...app.fake.state.accessTokens.keys()]) {
      assert.ok(!text.includes(t));
    }
    assert.ok(!/Enc|v1\./.test(text), 'no encrypted columns either');
  });

  it('GET /auth/me with the session cookie', async () => {
    assert.equal((await me({ cookie: `lume_session=${token}` })).status, 200);
  });

  it('issues HS256 tokens with iss, aud, sub and a one-hour expiry', () => {
    const decoded = jwt.decode(token, { complete: true });
    assert.equal(decoded?.header.alg, 'HS256');
    const p = decoded?.payload as jwt.JwtPayload;
    assert.equal(p.iss, 'lume');
    assert.equal(p.aud, 'lume-api');
    assert.equal(p.sub, userId);
    assert.equal((p.exp as number) - (p.iat as number), 3600);
  });

  const forged: [string, () => string][] = [
    ['no token', () => ''],
    [
      'alg:none',
      () =>
        `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: userId, iss: 'lume', aud: 'lume-api', exp: 9e9 })}.`,
    ],
    [
      'a wrong key',
      () =>
        jwt.sign({}, 'another-secret-of-at-least-32-bytes!!', {
          algorithm: 'HS256',
          subject: userId,
          issuer: 'lume',
          audience: 'lume-api',
          expiresIn: 60,
        }),
    ],
    [
      'HS512 with the right key',
      () =>
        jwt.sign({}, app.ctx.config.jwtSecret, {
          algorithm: 'HS512',
          subject: userId,
          issuer: 'lume',
          audience: 'lume-api',
          expiresIn: 60,
        }),
    ],
    [
      'an expired token',
      () =>
        jwt.sign({ exp: Math.floor(Date.now() / 1000) - 10 }, app.ctx.config.jwtSecret, {
          algorithm: 'HS256',
          subject: userId,
          issuer: 'lume',
          audience: 'lume-api',
        }),
    ],
    [
      'another audience',
      () =>
        jwt.sign({}, app.ctx.config.jwtSecret, {
          algorithm: 'HS256',
          subject: userId,
          issuer: 'lume',
          audience: 'other',
          expiresIn: 60,
        }),
    ],
    [
      'RS256 signed by someone else',
      () =>
        jwt.sign({}, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, {
          algorithm: 'RS256',
          subject: userId,
          issuer: 'lume',
          audience: 'lume-api',
          expiresIn: 60,
        }),
    ],
    [
      'a tampered subject',
      () => {
        const [h, , s] = token.split('.');
        return `${h}.${b64({ sub: 'someone-else', iss: 'lume', aud: 'lume-api', exp: 9e9 })}.${s}`;
      },
    ],
    [
      'an HMAC over the header with the secret as text',
      () => {
        const h = b64({ alg: 'HS256', typ: 'JWT' });
        const p = b64({ sub: userId, iss: 'lume', aud: 'lume-api', exp: 9e9 });
        return `${h}.${p}.${createHmac('sha256', 'wrong').update(`${h}.${p}`).digest('base64url')}`;
      },
    ],
  ];
  for (const [what, make] of forged) {
    it(`refuses ${what} with 401`, async () => {
      const t = make();
      const res = await me(t ? { authorization: `Bearer ${t}` } : {});
      assert.equal(res.status, 401);
      assert.ok(!(await res.text()).includes('at '), 'no stack trace');
    });
  }

  it('POST /auth/refresh refreshes now and returns expiry and scopes, not tokens', async () => {
    const before = await app.ctx.db.models.User.findByPk(userId);
    const oldAccess = app.ctx.tokens.read(before!).accessToken;
    const res = await fetch(`${app.url}/auth/refresh`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { expiresAt: string; scopes: string[] };
    assert.ok(Date.parse(body.expiresAt) > Date.now());
    assert.ok(body.scopes.length > 3);
    assert.equal(Object.keys(body).sort().join(), 'expiresAt,scopes');
    assert.equal(
      app.fake.state
        .requestsTo('/token')
        .filter((r) => (r.body as { grant_type: string }).grant_type === 'refresh_token').length,
      1,
    );
    const after = await app.ctx.db.models.User.findByPk(userId);
    const now = app.ctx.tokens.read(after!);
    assert.notEqual(now.accessToken, oldAccess, 'the new access token is persisted');
    assert.equal(
      now.refreshToken,
      app.ctx.tokens.read(before!).refreshToken,
      'refresh token kept (Google omits it)',
    );
  });

  it('invalid_grant on refresh: 409, account marked revoked, tokens deleted', async () => {
    app.fake.state.revokeAccount(ADA.sub);
    const res = await fetch(`${app.url}/auth/refresh`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 409);
    assert.match(((await res.json()) as { message: string }).message, /\/lume connect/);
    const user = await app.ctx.db.models.User.findByPk(userId);
    assert.equal(user?.status, 'revoked');
    assert.equal(user?.accessTokenEnc, null);
    assert.equal(user?.refreshTokenEnc, null);
    const again = await fetch(`${app.url}/auth/refresh`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(again.status, 409);
    assert.equal(
      ((await (await me({ authorization: `Bearer ${token}` })).json()) as { user: { connected: boolean } })
        .user.connected,
      false,
    );
  });

  it('POST /auth/refresh without a session is 401', async () => {
    assert.equal((await fetch(`${app.url}/auth/refresh`, { method: 'POST' })).status, 401);
  });
});

describe('sessions: no immortal tokens, no cross-site use of the cookie', () => {
  let app: AuthApp;
  let token: string;
  let userId: string;
  const secret = () => app.ctx.config.jwtSecret;
  const sign = (payload: object, o: jwt.SignOptions = {}) =>
    jwt.sign(payload, secret(), {
      algorithm: 'HS256',
      subject: userId,
      issuer: 'lume',
      audience: 'lume-api',
      ...o,
    });

  beforeEach(async () => {
    ({ app, token, userId } = await signedIn());
  });
  afterEach(() => app.close());

  const me = (t: string) => fetch(`${app.url}/auth/me`, { headers: { authorization: `Bearer ${t}` } });

  it('carries the session generation it was issued under', () => {
    assert.equal((jwt.decode(token) as jwt.JwtPayload).gen, 0);
  });

  it('refuses a correctly signed token without exp (it would never expire)', async () => {
    assert.equal((await me(sign({ gen: 0 }))).status, 401);
    assert.equal(
      (await me(sign({ gen: 0 }, { expiresIn: 600 }))).status,
      200,
      'the same token with exp works',
    );
  });

  it('refuses a token issued more than an hour ago, whatever its exp says', async () => {
    const now = Math.floor(Date.now() / 1000);
    assert.equal((await me(sign({ gen: 0, iat: now - 7200, exp: now + 7200 }))).status, 401);
    assert.equal((await me(sign({ gen: 0, exp: now + 7200 }, { noTimestamp: true }))).status, 401, 'no iat');
  });

  it('refuses a token without a session generation, or with an old one', async () => {
    assert.equal((await me(sign({}, { expiresIn: 600 }))).status, 401);
    assert.equal((await me(sign({ gen: -1 }, { expiresIn: 600 }))).status, 401);
    assert.equal((await me(sign({ gen: '0' }, { expiresIn: 600 }))).status, 401);
  });

  const refreshCalls = () =>
    app.fake.state
      .requestsTo('/token')
      .filter((r) => (r.body as { grant_type: string }).grant_type === 'refresh_token').length;
  const refresh = (headers: Record<string, string>) =>
    fetch(`${app.url}/auth/refresh`, { method: 'POST', headers });

  it('a cookie-carried POST from another site or origin is refused with 403, before anything happens', async () => {
    const cookie = `lume_session=${token}`;
    for (const headers of [
      // A page on a sibling subdomain or another port: SameSite=Lax lets the cookie through.
      { 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:1' },
      { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      // A browser that sends Origin but no fetch metadata.
      { origin: 'https://evil.example' },
      { origin: 'null' },
      // Neither: not a browser we can vouch for, and not a Bearer client.
      {},
    ] as Record<string, string>[]) {
      const res = await refresh({ cookie, ...headers });
      assert.equal(res.status, 403, JSON.stringify(headers));
      assert.equal(((await res.json()) as { error: string }).error, 'cross_site_request');
    }
    assert.equal(refreshCalls(), 0, 'Google was never asked');
  });

  it('a cookie-carried POST from Lume itself works; a Bearer POST needs no origin; cookie GETs are untouched', async () => {
    const cookie = `lume_session=${token}`;
    assert.equal((await refresh({ cookie, 'sec-fetch-site': 'same-origin', origin: app.url })).status, 200);
    assert.equal((await refresh({ cookie, origin: app.url })).status, 200);
    assert.equal(
      (await refresh({ authorization: `Bearer ${token}`, 'sec-fetch-site': 'cross-site' })).status,
      200,
      'a Bearer token is never attached by another site',
    );
    assert.equal(refreshCalls(), 3);
    const get = await fetch(`${app.url}/auth/me`, { headers: { cookie, 'sec-fetch-site': 'cross-site' } });
    assert.equal(get.status, 200, 'reading is not a change (and CORS keeps the answer from the other site)');
  });
});
