import assert from 'node:assert/strict';
import { ADA } from '../fakes/google/server';
import { type AuthApp, Browser, connect, reachCallback, startAuthApp } from '../helpers/auth-app';
import { captureLogger } from '../helpers/log-capture';

describe('logging', () => {
  it('redacts authorization headers, cookies, tokens, codes, states and client secrets', () => {
    const { log, text } = captureLogger();
    log.info(
      {
        req: {
          headers: { authorization: 'Bearer SECRET-A', cookie: 'lume_session=SECRET-B' },
          query: { code: 'SECRET-C' },
        },
        tokens: { access_token: 'SECRET-D', refresh_token: 'SECRET-E' },
        body: { code: 'SECRET-F', state: 'SECRET-G', client_secret: 'SECRET-H', code_verifier: 'SECRET-I' },
        access_token: 'SECRET-J',
      },
      'request',
    );
    assert.doesNotMatch(text(), /SECRET-/);
    assert.match(text(), /\[redacted\]/);
  });

  describe('over a whole OAuth flow', () => {
    let app: AuthApp;
    let capture: ReturnType<typeof captureLogger>;
    beforeEach(async () => {
      capture = captureLogger('trace');
      app = await startAuthApp({ log: capture.log });
      app.fake.state.addAccount(ADA);
    });
    afterEach(() => app.close());

    it('logs one line per request with a request id, and no code, state, token or secret', async () => {
      const { url } = await app.ctx.links.create({ teamId: 'T1', slackUserId: 'U1' });
      const res = await connect(app, new URL(url).pathname + new URL(url).search);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
      const { token } = (await (await connect(app, '/auth/oauth/google', 'application/json')).json()) as {
        token: string;
      };
      await fetch(`${app.url}/auth/refresh`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      await fetch(`${app.url}/auth/oauth/google/callback?code=BAD-CODE&state=BAD-STATE`);

      const all = capture.text();
      const secrets = [
        new URL(url).searchParams.get('link') as string,
        token,
        'BAD-CODE',
        'BAD-STATE',
        app.ctx.config.google.clientSecret,
        ...app.fake.state.accessTokens.keys(),
        ...app.fake.state.refreshTokens.keys(),
        ...app.fake.state.requestsTo('/token').map((r) => String((r.body as Record<string, string>).code)),
        ...app.fake.state.requestsTo('/o/oauth2/v2/auth').map((r) => String(r.query.state)),
      ];
      for (const s of secrets) assert.ok(!all.includes(s), `secret in logs: ${s.slice(0, 10)}…`);
      const requests = capture.lines().filter((l) => l.req);
      assert.ok(requests.length >= 5);
      assert.ok(requests.every((l) => typeof (l.req as { id: string }).id === 'string'));
      assert.ok(
        requests.some((l) => (l.req as { url: string }).url === '/auth/oauth/google/callback?[redacted]'),
      );
    });

    it("a refused code exchange is logged with Google's OAuth error, never with the code", async () => {
      const { url } = await app.ctx.links.create({ teamId: 'T1', slackUserId: 'U1' });
      const browser = new Browser();
      const callback = await reachCallback(app, browser, new URL(url).pathname + new URL(url).search);
      for (const c of app.fake.state.codes.values()) c.codeChallenge = 'x'.repeat(43); // Google will refuse it
      const code = new URL(callback).searchParams.get('code') as string;
      assert.equal((await browser.get(callback)).status, 502);
      const line = capture.lines().find((l) => l.msg === 'Google code exchange failed');
      const err = line?.err as { status?: number; oauthError?: string } | undefined;
      assert.equal(err?.status, 400);
      assert.equal(err?.oauthError, 'invalid_grant');
      assert.ok(!capture.text().includes(code), 'the authorisation code never reaches the logs');
    });
  });
});
