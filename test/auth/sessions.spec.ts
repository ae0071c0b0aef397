import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { ADA } from '../fakes/google/server';
import { type AuthApp, connect, startAuthApp } from '../helpers/auth-app';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('sessions and the /auth API', () => {
  let app: AuthApp;
  let token: string;
  let userId: string;

  beforeEach(async () => {
    app = await startAuthApp();
    app.fake.state.addAccount(ADA);
    const { url } = await app.ctx.links.create({ teamId: 'T1', slackUserId: 'U1' });
    const res = await connect(app, new URL(url).pathname + new URL(url).search, 'application/json');
    token = ((await res.json()) as { token: string }).token;
    userId = app.ctx.sessions.verify(token);
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
