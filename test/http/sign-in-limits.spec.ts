import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { MAX_PLAIN_STATES_IN_PROGRESS, STATE_TTL_MS } from '../../src/auth/oauth-states';
import { PLAIN_SIGN_INS_PER_MINUTE } from '../../src/http/oauth-start';
import { startTestServer, type TestServer } from '../helpers/server';

/** Plain web sign-ins (no Slack link): each stores a state row before any credential is shown. */
describe('plain sign-in limits: per real client behind a proxy, and a cap on sign-ins in progress', () => {
  let t: TestServer;
  afterEach(() => t.close());

  /** A request as the proxy in front of Lume forwards it: the proxy appends the address it saw. */
  const signIn = (forwardedFor?: string, accept = 'text/html') =>
    fetch(`${t.url}/auth/oauth/google`, {
      redirect: 'manual',
      headers: { accept, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    });
  const exhaust = async (forwardedFor?: string) => {
    for (let i = 0; i < PLAIN_SIGN_INS_PER_MINUTE; i++)
      assert.equal((await signIn(forwardedFor)).status, 302);
  };

  it('without TRUST_PROXY, X-Forwarded-For is ignored: a client cannot dodge its limit by writing one', async () => {
    t = await startTestServer();
    await exhaust('203.0.113.7');
    for (const spoofed of ['198.51.100.1', '198.51.100.2', undefined])
      assert.equal((await signIn(spoofed)).status, 429, `X-Forwarded-For: ${spoofed}`);
  });

  it('with TRUST_PROXY=1, each real client behind the proxy has its own allowance', async () => {
    t = await startTestServer({ env: { TRUST_PROXY: '1' } });
    await exhaust('203.0.113.7');
    const limited = await signIn('203.0.113.7');
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '60');
    assert.match(await limited.text(), /Too many sign-in attempts/);
    // What the client wrote itself sits left of what the proxy appended; only the proxy's entry counts.
    assert.equal((await signIn('198.51.100.1, 203.0.113.7')).status, 429);
    assert.equal((await signIn('198.51.100.9')).status, 302, 'another person behind the same proxy');
  });

  it('with TRUST_PROXY naming the proxy, a request from elsewhere keeps its own address', async () => {
    t = await startTestServer({ env: { TRUST_PROXY: '10.0.0.0/8' } });
    // The test client is 127.0.0.1, which is not the named proxy: its X-Forwarded-For is not believed.
    await exhaust('203.0.113.7');
    assert.equal((await signIn('198.51.100.9')).status, 429);
  });

  it(`at ${MAX_PLAIN_STATES_IN_PROGRESS} plain sign-ins in progress, a new one gets a clear 429; Slack links still work`, async () => {
    t = await startTestServer({ env: { TRUST_PROXY: '1' } });
    const { OAuthState } = t.ctx.db.models;
    // Many clients, each well inside its own per-minute allowance, started these in the last minutes.
    const expiresAt = new Date(Date.now() + STATE_TTL_MS / 2);
    await OAuthState.bulkCreate(
      Array.from({ length: MAX_PLAIN_STATES_IN_PROGRESS - 2 }, () => ({
        stateHash: randomBytes(32).toString('hex'),
        teamId: null,
        slackUserId: null,
        pkceVerifierEnc: 'v1.unused',
        expiresAt,
        usedAt: null,
      })),
    );
    assert.equal((await signIn('198.51.100.1')).status, 302);
    assert.equal((await signIn('198.51.100.2')).status, 302);
    const page = await signIn('198.51.100.3');
    assert.equal(page.status, 429);
    assert.equal(page.headers.get('retry-after'), '60');
    const html = await page.text();
    assert.match(html, /Too many sign-ins in progress/);
    assert.match(html, /\/lume connect in Slack/);
    assert.doesNotMatch(html, /\bat \S+\.ts:/, 'no stack trace');
    const json = await signIn('198.51.100.4', 'application/json');
    assert.equal(json.status, 429);
    assert.equal(((await json.json()) as { error: string }).error, 'too_many_sign_ins');
    assert.equal(await OAuthState.count(), MAX_PLAIN_STATES_IN_PROGRESS, 'nothing stored over the cap');

    const { url } = await t.ctx.links.create({ teamId: t.who.teamId, slackUserId: 'U_LINK' });
    assert.equal(
      (await fetch(url, { redirect: 'manual' })).status,
      302,
      'a /lume connect link is not capped',
    );

    // A used state no longer counts (nor does an expired one).
    await (await OAuthState.findOne({ where: { pkceVerifierEnc: 'v1.unused' } }))?.update({
      usedAt: new Date(),
    });
    assert.equal((await signIn('198.51.100.5')).status, 302);
  });
});
