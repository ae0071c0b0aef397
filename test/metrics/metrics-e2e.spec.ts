import assert from 'node:assert/strict';
import { jobCatalogue } from '../../src/jobs';
import type { JobKind } from '../../src/jobs/types';
import { allTools } from '../../src/tools';
import { ADA_SLACK, type AgentWorld, DM, startAgentWorld } from '../agent/harness';
import { call, text } from '../fakes/gemini/server';
import { ADA } from '../fakes/google/server';
import { parseExposition, type Sample } from './exposition';

const TOKEN = 'scrape-token-for-the-metrics-spec';
const START = Date.parse('2026-03-10T09:00:00Z');

let flakyRuns = 0;
/** Fails its first attempt, then succeeds: one retry. */
const flaky: JobKind = {
  kind: 'flaky-report',
  async run() {
    flakyRuns += 1;
    if (flakyRuns === 1) throw new Error('first attempt fails');
  },
};
/** Never succeeds, one attempt: dead at once. */
const doomed: JobKind = {
  kind: 'doomed-report',
  maxAttempts: 1,
  async run() {
    throw new Error('always fails');
  },
};

const TOOLS = new Set([...allTools.map((t) => t.name), 'unknown']);
const GOOGLE_APIS =
  /^(gmail|calendar|tasks|keep|userinfo|places|routes|oauth_token|oauth_revoke|oauth_certs|other)$/;

/** What each label of a lume_* series may hold: closed sets, or names shaped like Lume's own identifiers. */
const ALLOWED: Record<string, (v: string) => boolean> = {
  outcome: (v) => /^[a-z_]+$/.test(v),
  tool: (v) => TOOLS.has(v),
  stage: (v) => /^(proposed|confirmed|cancelled|expired)$/.test(v),
  api: (v) => GOOGLE_APIS.test(v),
  status_class: (v) => /^([2-5]xx|429|network|aborted|other)$/.test(v),
  method: (v) =>
    /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|OTHER|response_url|other)$|^[a-z]+(\.[a-zA-Z]+)+$/.test(v),
  status: (v) => /^([1-5]\d\d|ok|rate_limited|network|aborted|error|http_\d{3}|[a-z][a-z0-9_]*)$/.test(v),
  kind: (v) => /^[a-z][a-z0-9_-]*$/.test(v),
  route: (v) => v === 'unmatched' || v === 'other' || /^\/[a-z0-9/._*-]*$/.test(v),
  le: (v) => v === '+Inf' || !Number.isNaN(Number(v)),
};

describe('/metrics: the counters move through the running server', () => {
  let w: AgentWorld;
  let now = START;
  const scrape = async (headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
    fetch(`${w.t.url}/metrics`, { headers });

  before(async () => {
    w = await startAgentWorld({
      now: () => new Date(now),
      env: { METRICS_TOKEN: TOKEN },
      server: {
        processMetrics: true,
        jobs: { catalogue: { kinds: [flaky, doomed], recurring: jobCatalogue.recurring } },
      },
    });
  });
  after(() => w.close());

  it('asks for the token: 401 without it or with another, the exposition with it', async () => {
    const none = await scrape({});
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.equal((await scrape({ authorization: 'Bearer wrong-token-of-some-length' })).status, 401);
    assert.equal((await scrape({ authorization: TOKEN })).status, 401, 'the scheme is part of it');
    const ok = await scrape();
    assert.equal(ok.status, 200);
    assert.match(ok.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    assert.match(await ok.text(), /^process_cpu_user_seconds_total \d/m, 'process metrics are there');
  });

  it('after DM turns with a tool call, confirmations, a rate limit and jobs, every counter has moved', async () => {
    let latest = '';
    const before = parseExposition(await (await scrape()).text());
    const delta = (name: string, labels: Record<string, string>) =>
      parseExposition(latest).sum(name, labels) - before.sum(name, labels);

    // A read: one tool call, Calendar answered by Google; Slack rate-limits the first post once.
    w.t.slack.state.failures.push({
      method: 'chat.postMessage',
      error: 'ratelimited',
      retryAfter: 0,
      times: 1,
    });
    w.gemini.push(
      call('list_events', { start: '2026-03-11T00:00:00', end: '2026-03-12T00:00:00' }),
      text('Nothing tomorrow.'),
    );
    await w.dm('What is on my calendar tomorrow?');
    // A tool error (Google: no such event) and a tool the model made up.
    w.gemini.push(
      call('get_event', { eventId: 'no-such-event' }),
      call('exfiltrate_to', { to: ADA.email }),
      text('Sorry.'),
    );
    await w.dm('Tell me about that event');
    // Three cards: confirmed, cancelled, and one left until it expires.
    for (const subject of ['Report', 'Lunch', 'Later']) {
      w.gemini.push(
        call('send_email', { to: ['bob@example.com'], subject, body: `About ${subject}.` }),
        text('Please check the card.'),
      );
      await w.dm(`Email Bob about ${subject}`);
    }
    const [report, lunch, later] = await w.cards();
    await w.click('confirm', report);
    await w.click('cancel', lunch);
    now += 16 * 60_000; // past the card's 15 minutes
    await w.click('confirm', later);
    await w.click('confirm', later); // a second late click counts nothing more

    // Jobs: one due 90 s ago fails and is retried, then succeeds late; one dies at once.
    await w.t.ctx.jobs.enqueue({ kind: 'flaky-report', payload: {}, runAt: new Date(now) });
    await w.t.ctx.jobs.enqueue({ kind: 'doomed-report', payload: {}, runAt: new Date(now) });
    now += 90_000;
    await w.t.engine.runDue();
    now += 60_000;
    await w.t.engine.runDue();
    assert.equal(flakyRuns, 2);

    latest = await (await scrape()).text();
    const series = parseExposition(latest);
    assert.equal(delta('lume_agent_turns_total', { outcome: 'answered' }), 5);
    assert.equal(delta('lume_agent_turn_duration_seconds_count', { outcome: 'answered' }), 5);
    assert.equal(delta('lume_agent_tool_calls_total', { tool: 'list_events', outcome: 'ok' }), 1);
    assert.equal(delta('lume_agent_tool_calls_total', { tool: 'get_event', outcome: 'error' }), 1);
    assert.equal(delta('lume_agent_tool_calls_total', { tool: 'unknown', outcome: 'refused' }), 1);
    assert.equal(delta('lume_agent_tool_calls_total', { tool: 'send_email', outcome: 'proposed' }), 3);
    assert.equal(
      delta('lume_agent_tool_calls_total', { tool: 'send_email', outcome: 'ok' }),
      1,
      'the confirmed send ran',
    );
    for (const [stage, n] of [
      ['proposed', 3],
      ['confirmed', 1],
      ['cancelled', 1],
      ['expired', 1],
    ] as const)
      assert.equal(delta('lume_agent_confirmations_total', { stage, tool: 'send_email' }), n, stage);
    assert.ok(delta('lume_google_api_calls_total', { api: 'calendar', status_class: '2xx' }) >= 1);
    assert.equal(delta('lume_google_api_calls_total', { api: 'calendar', status_class: '4xx' }), 1);
    assert.ok(delta('lume_google_api_calls_total', { api: 'gmail', status_class: '2xx' }) >= 1, 'the send');
    assert.equal(
      delta('lume_slack_api_calls_total', { method: 'chat.postMessage', status: 'rate_limited' }),
      1,
    );
    assert.equal(delta('lume_slack_api_rate_limited_total', { method: 'chat.postMessage' }), 1);
    assert.ok(delta('lume_slack_api_calls_total', { method: 'chat.postMessage', status: 'ok' }) >= 5);
    assert.ok(
      delta('lume_slack_api_calls_total', { method: 'chat.update', status: 'ok' }) >= 3,
      'cards settled',
    );
    assert.equal(delta('lume_job_lag_seconds_count', { kind: 'flaky-report' }), 2);
    assert.equal(
      delta('lume_job_lag_seconds_bucket', { kind: 'flaky-report', le: '60' }),
      1,
      'the retry, ~55 s late',
    );
    assert.equal(
      delta('lume_job_lag_seconds_bucket', { kind: 'flaky-report', le: '120' }),
      2,
      'and the first, 90 s',
    );
    assert.equal(delta('lume_job_failures_total', { kind: 'flaky-report', outcome: 'retried' }), 1);
    assert.equal(delta('lume_job_failures_total', { kind: 'doomed-report', outcome: 'dead' }), 1);
    assert.equal(series.value('lume_job_engine_last_pass_timestamp_seconds'), now / 1000);
    assert.ok(
      delta('lume_http_requests_total', { method: 'POST', route: '/slack/events', status: '200' }) >= 9,
    );
    assert.equal(delta('lume_http_request_duration_seconds_count', { method: 'GET', route: '/metrics' }), 1);
  });

  it('labels hold only allowed values, and no person’s id, address or words', async () => {
    // A scanner's path, a callback with a query: neither reaches a label.
    await fetch(`${w.t.url}/${ADA.email}/${ADA_SLACK}?q=hunter2`);
    await fetch(`${w.t.url}/auth/oauth/google/callback?code=abc&state=${ADA_SLACK}`, { redirect: 'manual' });
    const exposition = await (await scrape()).text();
    const lume = parseExposition(exposition).samples.filter((s: Sample) => s.name.startsWith('lume_'));
    assert.ok(lume.length > 50, `${lume.length} lume_ samples`);
    for (const s of lume)
      for (const [label, value] of Object.entries(s.labels)) {
        const allowed = ALLOWED[label];
        assert.ok(allowed, `${s.name}: label ${label} is not one the whitelist knows`);
        assert.ok(allowed(value), `${s.name}{${label}="${value}"} is not an allowed value`);
      }
    assert.ok(lume.some((s) => s.labels.route === 'unmatched'));
    assert.ok(lume.some((s) => s.labels.route === '/auth/oauth/google/callback'));
    const ada = await w.t.ctx.db.models.User.findOne({ where: { email: ADA.email } });
    const forbidden = [
      ...[ADA_SLACK, 'U0EVE', DM, w.t.who.teamId, ADA.email, ADA.sub, 'bob@example.com'],
      ...['Email Bob', 'About Report', 'calendar tomorrow', 'hunter2', 'no-such-event'],
    ];
    for (const value of [...forbidden, String(ada?.id)])
      assert.ok(!exposition.includes(value), `${value} in /metrics`);
  });
});
