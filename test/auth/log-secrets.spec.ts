import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { ADA } from '../fakes/google/server';
import { type AuthApp, connect, startAuthApp } from '../helpers/auth-app';
import { captureLogger } from '../helpers/log-capture';

/** A loopback port with nothing listening: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Every spelling of a secret a log line might carry: as is, and percent-encoded as in a URL query. */
const spellings = (secret: string) => [secret, encodeURIComponent(secret)];

describe('secrets never reach the logs when Google cannot be reached', () => {
  let app: AuthApp;
  afterEach(() => app.close());

  it('a disconnect whose revoke request fails on the network logs no token', async () => {
    const capture = captureLogger('trace');
    // google-auth-library sends the token to revoke in the URL (?token=…); when the request fails
    // before any response, the error's message and stack repeat that URL verbatim.
    const port = await closedPort();
    app = await startAuthApp({
      log: capture.log,
      env: { GOOGLE_REVOKE_URL: `http://127.0.0.1:${port}/revoke` },
    });
    app.fake.state.addAccount(ADA);
    const { url } = await app.ctx.links.create({ teamId: 'T1', slackUserId: 'U1' });
    assert.equal((await connect(app, new URL(url).pathname + new URL(url).search)).status, 200);
    const user = await app.ctx.accounts.findBySlack('T1', 'U1');
    const { refreshToken, accessToken } = app.ctx.tokens.read(user!);

    const result = await app.ctx.accounts.revokeGrant(user!);

    assert.deepEqual(result, { revokedAtGoogle: false });
    const logged = capture.text();
    assert.match(logged, /Google revoke failed/, 'the failure itself is logged');
    for (const secret of [refreshToken, accessToken] as string[]) {
      for (const s of spellings(secret)) assert.ok(!logged.includes(s), `token in logs: ${s.slice(0, 8)}…`);
    }
  });
});

describe('errors in logs', () => {
  it('any error logged under err loses URL query strings and token-shaped strings', () => {
    const capture = captureLogger('trace');
    const err = Object.assign(
      new Error(
        'request to https://oauth2.example/revoke?token=1%2F%2F0gSECRET-R failed, reason: ECONNREFUSED',
      ),
      {
        config: { headers: { Authorization: 'Bearer ya29.SECRET-A' } },
        original: { token: 'xoxb-1-SECRET-B' },
      },
    );
    capture.log.warn({ err }, 'failed');
    capture.log.warn({ err: { type: 'GaxiosError', message: err.message, stack: err.stack } }, 'summary');
    const logged = capture.text();
    assert.doesNotMatch(logged, /SECRET/);
    assert.match(logged, /oauth2\.example\/revoke/, 'where it failed is still there');
    assert.match(logged, /ECONNREFUSED/, 'why it failed is still there');
  });
});
