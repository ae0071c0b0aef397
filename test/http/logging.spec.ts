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

  it('keeps the code Slack or Google gave an error, and nothing of its request', () => {
    const { log, lines } = captureLogger();
    const slackErr = Object.assign(new Error('An API error occurred: channel_not_found'), {
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'channel_not_found', response_metadata: { scopes: ['chat:write'] } },
    });
    const googleErr = Object.assign(new Error('invalid_grant'), {
      config: { headers: { Authorization: 'Bearer ya29.SECRET-TOKEN-VALUE-123456' } },
      response: { status: 400, data: { error: 'invalid_grant', error_description: 'Bad Request' } },
    });
    log.warn({ err: slackErr }, 'slack failed');
    log.warn({ err: googleErr }, 'google failed');
    const [slack, google] = lines().map((l) => l.err as Record<string, unknown>);
    assert.equal(slack.slackError, 'channel_not_found');
    assert.equal(slack.errorCode, 'slack_webapi_platform_error');
    assert.deepEqual([google.status, google.oauthError], [400, 'invalid_grant']);
    assert.ok(!JSON.stringify(lines()).includes('SECRET-TOKEN'), 'the request config is never logged');
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
