import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { googleApiOf } from '../../src/google/observe-calls';
import { createMetrics } from '../../src/metrics';
import { routeLabel, slackMethodLabel, statusClass, toolLabel } from '../../src/metrics/labels';
import { observedSlackFetch } from '../../src/slack/observe-calls';
import type { SlackCall } from '../../src/telemetry';
import { parseExposition } from './exposition';

const at = new Date('2026-03-10T09:00:00Z');

describe('telemetry: the Prometheus side of ctx.telemetry', () => {
  it('names the Google API from the URL, on Google’s hosts and under GOOGLE_API_ROOT_URL alike', () => {
    const cases: [string, string][] = [
      ['https://gmail.googleapis.com/gmail/v1/users/me/messages?q=from:ada@example.com', 'gmail'],
      ['https://www.googleapis.com/upload/gmail/v1/users/me/messages/send', 'gmail'],
      ['https://www.googleapis.com/calendar/v3/calendars/primary/events', 'calendar'],
      ['https://tasks.googleapis.com/tasks/v1/users/@me/lists', 'tasks'],
      ['https://keep.googleapis.com/v1/notes', 'keep'],
      ['https://www.googleapis.com/oauth2/v2/userinfo', 'userinfo'],
      ['https://www.googleapis.com/oauth2/v1/certs', 'oauth_certs'],
      ['https://oauth2.googleapis.com/token', 'oauth_token'],
      ['https://oauth2.googleapis.com/revoke?token=abc', 'oauth_revoke'],
      ['http://127.0.0.1:5000/calendar/v3/users/me/calendarList', 'calendar'],
      ['http://127.0.0.1:5000/token', 'oauth_token'],
      ['http://127.0.0.1:5000/something/else', 'other'],
      ['not a url', 'other'],
    ];
    for (const [url, api] of cases) assert.equal(googleApiOf(url), api, url);
  });

  it('keeps label values to closed sets and code-shaped names', () => {
    assert.equal(statusClass(204), '2xx');
    assert.equal(statusClass(429), '429');
    assert.equal(statusClass(503), '5xx');
    assert.equal(statusClass('network'), 'network');
    assert.equal(toolLabel('list_events'), 'list_events');
    assert.equal(toolLabel('Send mail to ada@example.com'), 'unknown');
    assert.equal(slackMethodLabel('assistant.threads.setStatus'), 'assistant.threads.setStatus');
    assert.equal(slackMethodLabel('../../etc'), 'other');
    assert.equal(routeLabel('/auth/oauth/google/callback'), '/auth/oauth/google/callback');
    assert.equal(routeLabel('/x?email=ada@example.com'), 'other');
  });

  it('each registry is its own: nothing lands in prom-client’s global one', async () => {
    const a = createMetrics({ now: () => at });
    const b = createMetrics({ now: () => at });
    a.toolCall('list_events', 'ok');
    const seriesA = parseExposition(await a.registry.metrics());
    const seriesB = parseExposition(await b.registry.metrics());
    assert.equal(seriesA.value('lume_agent_tool_calls_total', { tool: 'list_events', outcome: 'ok' }), 1);
    assert.equal(
      seriesB.value('lume_agent_tool_calls_total', { tool: 'list_events', outcome: 'ok' }),
      undefined,
    );
    const { register } = await import('prom-client');
    assert.doesNotMatch(await register.metrics(), /lume_/);
    assert.doesNotMatch(await a.registry.metrics(), /process_cpu/, 'process metrics only when asked for');
    const withProcess = createMetrics({ now: () => at, processMetrics: true });
    assert.match(await withProcess.registry.metrics(), /process_cpu_user_seconds_total/);
  });

  it('turns, notifications and closed sets start at zero; a turn is counted and timed once', async () => {
    const m = createMetrics({ now: () => at });
    let series = parseExposition(await m.registry.metrics());
    assert.equal(series.value('lume_agent_turns_total', { outcome: 'answered' }), 0);
    assert.equal(series.value('lume_notifications_sent_total', { kind: 'reminder' }), 0);
    const ended = m.turnStarted();
    ended('timeout');
    m.notificationSent('briefing');
    m.confirmation('expired', 'send_email', 3);
    series = parseExposition(await m.registry.metrics());
    assert.equal(series.value('lume_agent_turns_total', { outcome: 'timeout' }), 1);
    assert.equal(series.value('lume_agent_turn_duration_seconds_count', { outcome: 'timeout' }), 1);
    assert.equal(series.value('lume_notifications_sent_total', { kind: 'briefing' }), 1);
    assert.equal(series.value('lume_agent_confirmations_total', { stage: 'expired', tool: 'send_email' }), 3);
  });

  it('remembers the last Slack and Google calls, and when each last succeeded and failed', () => {
    let now = at;
    const m = createMetrics({ now: () => now });
    assert.deepEqual(m.vitals(), { slack: null, google: null, jobs: null });
    m.googleCall({ api: 'calendar', status: 200 });
    now = new Date(at.getTime() + 1000);
    m.googleCall({ api: 'gmail', status: 503 });
    m.slackCall({ method: 'chat.postMessage', status: 'ok' });
    const v = m.vitals();
    assert.deepEqual(v.google, { at: now, ok: false, result: '5xx', lastOkAt: at, lastFailedAt: now });
    assert.deepEqual(v.slack, { at: now, ok: true, result: 'ok', lastOkAt: now, lastFailedAt: null });
    m.enginePassed(now, 60_000);
    m.engineStopped();
    assert.deepEqual(m.vitals().jobs, { state: 'stopped', lastPassAt: now, staleAfterMs: 60_000 });
  });

  describe('the Slack fetch hook', () => {
    let url = '';
    let close: () => Promise<void>;
    before(async () => {
      // Answers like Slack's Web API: HTTP 200 with ok/error, or a 429 with Retry-After.
      const server = createServer((req, res) => {
        const method = (req.url ?? '').replace('/api/', '');
        if (method === 'chat.postMessage') return void res.end(JSON.stringify({ ok: true }));
        if (method === 'users.info')
          return void res.end(JSON.stringify({ ok: false, error: 'user_not_found' }));
        if (method === 'chat.update') {
          res.writeHead(429, { 'Retry-After': '1' });
          return void res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        }
        res.writeHead(503);
        res.end('down');
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      close = () => new Promise<void>((r) => server.close(() => r()));
    });
    after(() => close());

    it('records the method and Slack’s verdict of every request, and hands the answer back untouched', async () => {
      const calls: SlackCall[] = [];
      const f = observedSlackFetch({ slackCall: (c) => calls.push(c) }, `${url}/api/`);
      const post = (path: string) =>
        f(`${url}${path}`, { method: 'POST', body: 'text=hello+ada%40example.com' });
      const ok = await post('/api/chat.postMessage');
      assert.deepEqual(await ok.json(), { ok: true }, 'the caller still reads the body');
      await (await post('/api/users.info')).text();
      await (await post('/api/chat.update')).text();
      await (await post('/api/conversations.info')).text();
      await (await post('/response/1')).text();
      const unreachable = observedSlackFetch({ slackCall: (c) => calls.push(c) }, 'http://127.0.0.1:1/api/');
      await assert.rejects(unreachable('http://127.0.0.1:1/api/auth.test', { method: 'POST' }));
      // A Web API answer's verdict is read from a copy of its body, after the caller has the answer.
      for (let i = 0; i < 100 && calls.length < 6; i++) await new Promise((r) => setTimeout(r, 5));
      assert.deepEqual(
        calls.sort((a, b) => a.method.localeCompare(b.method)),
        [
          { method: 'auth.test', status: 'network' },
          { method: 'chat.postMessage', status: 'ok' },
          { method: 'chat.update', status: 'rate_limited' },
          { method: 'conversations.info', status: 'http_503' },
          { method: 'response_url', status: 'http_503' },
          { method: 'users.info', status: 'user_not_found' },
        ],
      );
    });
  });
});
