import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { scrubText } from '../../src/log';
import { signJwt } from '../fakes/google/id-token';
import { ADA, FAKE_CLIENT } from '../fakes/google/server';
import { type AuthApp, connect, startAuthApp } from '../helpers/auth-app';
import { captureLogger } from '../helpers/log-capture';

/** Who signed in comes from the id_token Google signed, verified, not from a second round trip. */
describe('Google sign-in: the profile from the verified id_token', () => {
  let app: AuthApp;
  let lines: ReturnType<typeof captureLogger>['lines'];
  const link = async (slackUserId = 'U1') => {
    const { url } = await app.ctx.links.create({ teamId: 'T1', slackUserId });
    return new URL(url).pathname + new URL(url).search;
  };
  const claims = (o: Record<string, unknown> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return {
      iss: 'https://accounts.google.com',
      aud: FAKE_CLIENT.id,
      sub: ADA.sub,
      email: ADA.email,
      name: ADA.name,
      iat: now,
      exp: now + 3600,
      ...o,
    };
  };

  beforeEach(async () => {
    const captured = captureLogger('debug');
    lines = captured.lines;
    app = await startAuthApp({ log: captured.log });
    app.fake.state.addAccount(ADA);
  });
  afterEach(() => app.close());

  it("links from the id_token's claims, with no userinfo request, and fetches Google's keys once", async () => {
    assert.equal((await connect(app, await link('U1'))).status, 200);
    assert.equal((await connect(app, await link('U2'))).status, 200);
    const user = await app.ctx.accounts.findBySlack('T1', 'U2');
    assert.deepEqual([user?.googleId, user?.email, user?.name], [ADA.sub, ADA.email, ADA.name]);
    assert.equal(app.fake.state.requestsTo('/oauth2/v2/userinfo').length, 0, 'no second round trip');
    assert.equal(app.fake.state.requestsTo('/oauth2/v1/certs').length, 1, 'keys cached per max-age');
  });

  it('a JWT quoted in free text is masked wherever an error is logged', () => {
    const token = signJwt(claims());
    assert.equal(scrubText(`Invalid token signature: ${token}`), 'Invalid token signature: [redacted]');
  });

  it('without an id_token (openid not granted) it asks userinfo, as before', async () => {
    app.fake.state.omitIdToken = true;
    assert.equal((await connect(app, await link())).status, 200);
    assert.equal((await app.ctx.accounts.findBySlack('T1', 'U1'))?.email, ADA.email);
    assert.equal(app.fake.state.requestsTo('/oauth2/v2/userinfo').length, 1);
  });

  for (const [what, token] of [
    [
      'signed with a key Google never published',
      () =>
        signJwt(
          claims({ sub: '666', email: 'eve@evil.example' }),
          generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
        ),
    ],
    ['issued to another client', () => signJwt(claims({ aud: 'someone-else.apps.googleusercontent.com' }))],
    ['expired', () => signJwt(claims({ iat: 1_600_000_000, exp: 1_600_003_600 }))],
    ['from another issuer', () => signJwt(claims({ iss: 'https://evil.example' }))],
  ] as const) {
    it(`an id_token ${what} links nothing (502), and the reason is logged`, async () => {
      app.fake.state.idToken = token();
      const res = await connect(app, await link());
      assert.equal(res.status, 502);
      assert.match(await res.text(), /nothing was saved/);
      assert.equal(await app.ctx.db.models.User.count(), 0);
      assert.equal(await app.ctx.db.models.SlackIdentity.count(), 0);
      assert.ok(lines().some((l) => l.msg === 'Google id_token did not verify'));
      assert.doesNotMatch(
        JSON.stringify(lines()),
        /eyJ|eve@evil|ada@example/,
        'neither the token nor its claims',
      );
      assert.equal(app.fake.state.requestsTo('/oauth2/v2/userinfo').length, 0, 'no fallback to userinfo');
    });
  }
});
