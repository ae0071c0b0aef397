import assert from 'node:assert/strict';
import { SCOPES } from '../../src/google/scopes';
import { call, fail, text } from '../fakes/gemini/server';
import { ADA } from '../fakes/google/server';
import { type AgentWorld, DM, startAgentWorld } from './harness';

/** What Lume posted to Ada in the DM, newest last (ephemeral replies included). */
const posted = (w: AgentWorld) =>
  w.t.slack.state.messages.filter((m) => m.channel === DM).map((m) => m.text ?? '');
const lastPost = (w: AgentWorld) => posted(w).at(-1) ?? '';
const noStackTrace = (w: AgentWorld) => {
  for (const m of w.t.slack.state.messages)
    assert.doesNotMatch(JSON.stringify(m), /at \w+ \(|Error:|\.ts:\d+/);
};

describe('agent: what people see when something fails', () => {
  let w: AgentWorld | undefined;
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  it('without GEMINI_API_KEY the agent says it is not configured', async () => {
    w = await startAgentWorld({ env: { GEMINI_API_KEY: '' } });
    await w.dm('hello');
    assert.match(lastPost(w), /not configured/);
    assert.equal(w.gemini.requests.length, 0);
  });

  it('Gemini rate-limited or down (after retries): "try again in a minute"', async () => {
    w = await startAgentWorld();
    w.gemini.push(fail(429), fail(503), fail(500), fail(503));
    await w.dm('hello');
    assert.equal(w.gemini.requests.length, 4, 'retried up to the attempt limit');
    assert.equal(w.clock.waits.length, 3);
    assert.match(lastPost(w), /busy or unavailable right now\. Please try again in a minute/);
    noStackTrace(w);
  });

  it('Gemini refusing the request (400): a short apology, details only in the log', async () => {
    w = await startAgentWorld();
    w.gemini.push(fail(400, 'Invalid JSON payload received. Unknown name "foo"'));
    await w.dm('hello');
    assert.equal(w.gemini.requests.length, 1, 'a 400 is not retried');
    assert.match(lastPost(w), /^Sorry — I couldn't answer that just now/);
    assert.doesNotMatch(JSON.stringify(w.t.slack.state.messages), /Invalid JSON payload/);
    assert.match(w.t.logs.text(), /Invalid JSON payload/);
    noStackTrace(w);
  });

  it('a turn past its deadline is stopped with a clear message', async () => {
    w = await startAgentWorld({ env: { AGENT_TURN_TIMEOUT_MS: '1000' } });
    w.gemini.delayMs = 60_000;
    w.gemini.push(text('too late'));
    await w.dm('hello');
    assert.match(lastPost(w), /took longer than I allow/);
  });

  it('Google invalid_grant: told to reconnect (with a link), account marked revoked', async () => {
    w = await startAgentWorld();
    // Ada removed Lume in her Google account; Lume's access token has expired, so the refresh fails.
    w.t.google.state.revokeAccount(ADA.sub);
    w.ada.user.tokenExpiresAt = new Date(0);
    await w.ada.user.save();
    w.t.ctx.google.evict(w.ada.user.id);
    w.gemini.push(call('list_events', { start: '2026-03-11T00:00:00' }), text('never'));
    await w.dm("what's on tomorrow?");
    const last = w.t.slack.state.messages.at(-1);
    assert.match(JSON.stringify(last), /no longer has access/);
    assert.match(JSON.stringify(last), /auth\/oauth\/google\?link=/);
    await w.ada.user.reload();
    assert.equal(w.ada.user.status, 'revoked');
    // Next time Lume does not call Gemini at all: it offers the link straight away.
    const before = w.gemini.requests.length;
    await w.dm('and now?');
    assert.equal(w.gemini.requests.length, before);
    assert.match(JSON.stringify(w.t.slack.state.messages.at(-1)), /auth\/oauth\/google\?link=/);
  });

  it('a Google 403 for a missing scope becomes "Lume needs access to X — run /lume connect"', async () => {
    // Stored scopes claim Calendar, but the token Google holds lacks it (e.g. unticked at consent).
    w = await startAgentWorld();
    // Both the access and the refresh grant lack it, so a refresh-and-retry cannot paper over the 403.
    const noCalendar = (scopes: string[]) =>
      scopes.filter((s) => s !== SCOPES.calendar && s !== SCOPES.calendarEvents);
    for (const grant of [
      ...w.t.google.state.accessTokens.values(),
      ...w.t.google.state.refreshTokens.values(),
    ]) {
      if (grant.sub === ADA.sub) grant.scopes = noCalendar(grant.scopes);
    }
    w.gemini.push(
      call('list_events', { start: '2026-03-11T00:00:00' }),
      text('I could not read your calendar.'),
    );
    await w.dm("what's on tomorrow?");
    assert.match(lastPost(w), /Lume needs access to Calendar — run `\/lume connect` to grant it/);
  });

  it('not connected: told to run /lume connect, with a fresh link, and Gemini is never called', async () => {
    w = await startAgentWorld();
    await w.ada.identity.destroy();
    await w.dm('hello');
    assert.match(JSON.stringify(w.t.slack.state.messages.at(-1)), /auth\/oauth\/google\?link=/);
    assert.equal(w.gemini.requests.length, 0);
  });

  it('rate limit: turns beyond AGENT_TURNS_PER_MINUTE are refused politely, without calling Gemini', async () => {
    w = await startAgentWorld({ env: { AGENT_TURNS_PER_MINUTE: '2' } });
    w.gemini.push(text('one'), text('two'), text('three'));
    await w.dm('1');
    await w.dm('2');
    await w.dm('3');
    assert.equal(w.gemini.requests.length, 2);
    assert.match(lastPost(w), /faster than I can keep up/);
  });

  it("another person never gets Ada's assistant: Eve, not connected, gets her own connect prompt", async () => {
    w = await startAgentWorld();
    await w.dm('hello', { user: 'U0EVE' });
    assert.equal(w.gemini.requests.length, 0);
    const link = new URL(
      JSON.stringify(w.t.slack.state.messages.at(-1)).match(/http[^"|>]+link=[^"|>]+/)?.[0] ?? '',
    );
    assert.deepEqual(await w.t.ctx.links.consume(link.searchParams.get('link') ?? ''), {
      teamId: w.t.who.teamId,
      slackUserId: 'U0EVE',
    });
  });
});
