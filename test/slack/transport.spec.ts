import assert from 'node:assert/strict';
import { dmMessage, eventCallback, slashCommand } from '../fakes/slack/payloads';
import { type RecordingAgent, SIGNING_SECRET, startTestServer, type TestServer } from '../helpers/server';
import { signedHeaders, slackSignature } from '../helpers/slack-sign';

describe('Slack transport: signature, timestamps, ack', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
    t.slack.state.addUser({ id: 'U1', name: 'ada', tz: 'UTC' });
  });
  after(() => t.close());

  const help = () =>
    slashCommand(t.who, { text: 'help', userId: 'U1', responseUrl: t.slack.state.responseUrl() });
  const agent = () => t.agent as RecordingAgent;

  it('answers a correctly signed /lume help with the usage, in the ack itself', async () => {
    const res = await t.post(help());
    assert.equal(res.status, 200);
    const body = res.json() as { response_type: string; text: string; blocks: unknown[] };
    assert.equal(body.response_type, 'ephemeral');
    for (const sub of ['today', 'connect', 'status', 'disconnect', 'help'])
      assert.match(body.text, new RegExp(`/lume ${sub}`));
  });

  it('an empty /lume is help too', async () => {
    const req = slashCommand(t.who, { text: '  ', userId: 'U1', responseUrl: t.slack.state.responseUrl() });
    const res = await t.post(req);
    assert.equal(res.status, 200);
    assert.match((res.json() as { text: string }).text, /\/lume today/);
  });

  const refused = async (headers: Record<string, string>) => {
    const before = t.slack.state.calls.length;
    const turns = agent().turns.length;
    const req = dmMessage({ user: 'U1', text: 'hello' });
    const ev = eventCallback(t.who, req);
    const res = await t.post(ev, headers);
    assert.equal(res.status, 401);
    assert.equal(res.text, '', 'no body, no stack trace');
    // Rejected before dispatch: nothing can run after the 401, so these are final.
    assert.equal(t.slack.state.calls.length, before, 'no Slack call was made');
    assert.equal(agent().turns.length, turns, 'no listener ran');
    assert.equal(await t.ctx.db.models.SlackEvent.count({ where: { eventId: ev.eventId } }), 0);
  };

  it('refuses a bad signature with 401', async () => {
    const body = help().body;
    await refused({ ...signedHeaders('wrong-secret', body) });
  });

  it('refuses a body changed after signing with 401', async () => {
    const ts = Math.floor(Date.now() / 1000);
    await refused({
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': slackSignature(SIGNING_SECRET, ts, 'something else'),
    });
  });

  it('refuses missing signature headers with 401', async () => {
    await refused({});
    const ts = String(Math.floor(Date.now() / 1000));
    await refused({ 'x-slack-request-timestamp': ts });
  });

  it('refuses a timestamp older than five minutes with 401, even correctly signed', async () => {
    const ev = dmMessage({ user: 'U1', text: 'old' });
    const body = eventCallback(t.who, ev).body;
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    await refused(signedHeaders(SIGNING_SECRET, body, old));
  });

  it('refuses a timestamp more than five minutes in the future with 401', async () => {
    const body = eventCallback(t.who, dmMessage({ user: 'U1', text: 'future' })).body;
    await refused(signedHeaders(SIGNING_SECRET, body, Math.floor(Date.now() / 1000) + 6 * 60));
  });

  it('answers Slack url_verification with the challenge', async () => {
    const body = JSON.stringify({ token: 'x', challenge: 'abc123', type: 'url_verification' });
    const res = await t.post({ body, contentType: 'application/json' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), { challenge: 'abc123' });
  });

  it('still serves /health and /ready beside /slack/events', async () => {
    assert.equal((await fetch(`${t.url}/health`)).status, 200);
    assert.equal((await fetch(`${t.url}/ready`)).status, 200);
  });
});
