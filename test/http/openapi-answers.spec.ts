import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ROUTE_DOCS } from '../../src/http';
import type { RouteDoc } from '../../src/http/openapi/route-doc';
import { slackEventsDoc } from '../../src/http/openapi/slack-events';
import { SLACK_EVENTS_PATH } from '../../src/slack/receiver';
import { ADA } from '../fakes/google/server';
import { Browser } from '../helpers/auth-app';
import { SIGNING_SECRET, startTestServer, type TestServer } from '../helpers/server';
import { signedHeaders } from '../helpers/slack-sign';

const DOCS: RouteDoc[] = [slackEventsDoc(SLACK_EVENTS_PATH), ...ROUTE_DOCS];

/** Documented answers this spec cannot provoke through the running server, and why. */
const NOT_DRIVEN: Record<string, string> = {
  'POST /slack/events 404':
    'Bolt answers it when no listener acknowledges within 3 s; every Lume listener acks',
  'POST /slack/events 500': 'Bolt answers it when a listener throws before acknowledging',
};

/**
 * Every answer a route gives, provoked through the real server: its status must be documented for
 * that route, its body must pass the documented zod schema for its content type, and every header
 * the document calls required must be there. At the end, every documented status has been seen.
 */
describe('every answer a route gives is the one /openapi.json documents', () => {
  let server: TestServer;
  const seen = new Set<string>();

  async function check(method: string, path: string, res: Response): Promise<Response> {
    const key = `${method} ${path} ${res.status}`;
    const doc = DOCS.find((d) => d.method === method.toLowerCase() && d.path === path);
    assert.ok(doc, `${method} ${path} is documented`);
    const response = doc.operation.responses[String(res.status) as `2${string}`];
    assert.ok(response && !('$ref' in response), `${key}: this status is documented`);
    const text = await res.clone().text();
    const type = (res.headers.get('content-type') ?? '').split(';')[0];
    // A redirect's body ("Found. Redirecting to …") is Express's courtesy, not part of the contract.
    if (text && !(res.status >= 300 && res.status < 400)) {
      const media = response.content?.[type];
      assert.ok(media, `${key}: ${type} is a documented content type`);
      if (type === 'application/json' && media.schema instanceof z.ZodType) {
        const parsed = media.schema.safeParse(JSON.parse(text));
        assert.ok(parsed.success, `${key}: ${parsed.success ? '' : z.prettifyError(parsed.error)}`);
      }
    }
    if (response.headers instanceof z.ZodObject) {
      for (const [name, schema] of Object.entries(response.headers.shape as Record<string, z.ZodType>)) {
        if (!schema.safeParse(undefined).success) assert.ok(res.headers.has(name), `${key}: header ${name}`);
      }
    }
    seen.add(key);
    return res;
  }
  const get = (path: string, headers: Record<string, string> = {}, query = '') =>
    fetch(`${server.url}${path}${query}`, { headers, redirect: 'manual' }).then((r) => check('GET', path, r));
  const post = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { method: 'POST', ...init }).then((r) => check('POST', path, r));
  const json = { accept: 'application/json' };

  /** Link → Google's consent → the callback URL Google sends the browser to, opened as JSON. */
  async function callback(slackUserId: string): Promise<Response> {
    const { url } = await server.ctx.links.create({ teamId: 'T1', slackUserId });
    const browser = new Browser();
    const consent = await browser.get((await browser.get(url)).headers.get('location') as string);
    const to = new URL(consent.headers.get('location') as string);
    return check('GET', to.pathname, await browser.get(to.href, json));
  }
  const signIn = async () => ((await (await callback('U1')).json()) as { token: string }).token;

  const METRICS_TOKEN = 'metrics-token-for-the-answers-spec';
  before(async () => {
    server = await startTestServer({ env: { METRICS_TOKEN } });
    server.google.state.addAccount(ADA);
  });
  after(() => server.close());

  it('health, readiness and the docs', async () => {
    await get('/health');
    await get('/ready');
    await get('/openapi.json');
    await get('/docs');
    await get('/redoc');
  });

  it('metrics: with the token, and without it', async () => {
    await get('/metrics', { authorization: `Bearer ${METRICS_TOKEN}` });
    await get('/metrics');
    await get('/metrics', { authorization: 'Bearer not-the-token' });
  });

  it('starting Google sign-in: redirect, malformed, expired and rate-limited', async () => {
    await get('/auth/oauth/google', json, '?link=a&link=b');
    await get('/auth/oauth/google', json, '?link=not-a-real-link');
    for (let i = 0; i < 10; i++) await get('/auth/oauth/google');
    assert.equal((await get('/auth/oauth/google', json)).status, 429);
  });

  it('the callback: connected, bad state, cancelled, and Google failing', async () => {
    await signIn();
    await get('/auth/oauth/google/callback', json);
    await get('/auth/oauth/google/callback', json, '?error=access_denied&state=x');
    // 400s, which Google's client does not retry (a 5xx is retried with back-off: seconds of waiting).
    server.google.state.failures.push({ match: /^\/token$/, status: 400 });
    assert.equal((await callback('U2')).status, 502);
    server.google.state.failures.length = 0;
  });

  it('the session API: signed in, signed out, Google failing, Google revoked', async () => {
    const token = await signIn();
    const bearer = { authorization: `Bearer ${token}` };
    await get('/auth/me', bearer);
    await get('/auth/me');
    await post('/auth/refresh', { headers: bearer });
    await post('/auth/refresh');
    server.google.state.failures.push({ match: /^\/token$/, status: 400 });
    assert.equal((await post('/auth/refresh', { headers: bearer })).status, 502);
    server.google.state.failures.length = 0;
    server.google.state.revokeAccount(ADA.sub);
    assert.equal((await post('/auth/refresh', { headers: bearer })).status, 409);
  });

  const NOTIFY = '/google/calendar/notifications';
  const CHANNEL = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
  const notification = (channel: string, token: string) => ({
    'X-Goog-Channel-ID': channel,
    'X-Goog-Channel-Token': token,
    'X-Goog-Resource-ID': 'res-1',
    'X-Goog-Resource-State': 'exists',
    'X-Goog-Message-Number': '2',
  });

  it("Google's calendar notifications: accepted, malformed, unknown and rate-limited", async () => {
    await signIn();
    const user = await server.ctx.db.models.User.findOne({ where: { googleId: ADA.sub } });
    await server.ctx.db.models.CalendarChannel.create({
      id: CHANNEL,
      userId: user?.id ?? '',
      tokenHash: createHash('sha256').update('channel-token').digest('hex'),
      resourceId: 'res-1',
      expiresAt: null,
      confirmedAt: null,
      lastMessageAt: null,
    });
    assert.equal((await post(NOTIFY, { headers: notification(CHANNEL, 'channel-token') })).status, 204);
    await post(NOTIFY, { headers: { 'X-Goog-Resource-State': 'exists' } });
    await post(NOTIFY, { headers: notification(CHANNEL, 'another-token') });
    const guessed = randomUUID();
    for (let i = 0; i < 120; i++)
      await fetch(`${server.url}${NOTIFY}`, { method: 'POST', headers: notification(guessed, 'x') });
    assert.equal((await post(NOTIFY, { headers: notification(guessed, 'x') })).status, 429);
  });

  it("Slack's endpoint: acknowledged, unsigned, unparseable and too large", async () => {
    const verify = JSON.stringify({ type: 'url_verification', challenge: 'c1', token: 'x' });
    const slack = (body: string, headers: Record<string, string>) =>
      post(SLACK_EVENTS_PATH, { body, headers: { 'content-type': 'application/json', ...headers } });
    await slack(verify, signedHeaders(SIGNING_SECRET, verify));
    await slack(verify, {});
    await slack('{not json', signedHeaders(SIGNING_SECRET, '{not json'));
    const huge = 'x'.repeat(4 * 1024 * 1024 + 1);
    assert.equal((await slack(huge, signedHeaders(SIGNING_SECRET, huge))).status, 413);
  });

  it('with the database gone: 503 from /ready, 500 without detail from the auth routes', async () => {
    const token = server.ctx.sessions.issue({
      id: '00000000-0000-4000-8000-000000000000',
      sessionGeneration: 0,
    });
    await server.ctx.db.close();
    await get('/ready');
    await get('/auth/oauth/google', json, '?link=any');
    const binding = server.ctx.oauth.bindingFor('s');
    await get(
      '/auth/oauth/google/callback',
      { ...json, cookie: `${binding.name}=${binding.value}` },
      '?code=c&state=s',
    );
    await get('/auth/me', { authorization: `Bearer ${token}` });
    await post('/auth/refresh', { headers: { authorization: `Bearer ${token}` } });
    await post(NOTIFY, { headers: notification(CHANNEL, 'channel-token') });
  });

  it('every documented answer was seen above, or is listed with the reason it cannot be', () => {
    const documented = DOCS.flatMap((d) =>
      Object.keys(d.operation.responses).map((s) => `${d.method.toUpperCase()} ${d.path} ${s}`),
    );
    assert.deepEqual(
      documented.filter((k) => !seen.has(k)).sort(),
      Object.keys(NOT_DRIVEN).sort(),
      'documented but never answered',
    );
  });
});
