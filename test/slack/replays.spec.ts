import assert from 'node:assert/strict';
import { ACTIONS } from '../../src/slack/blocks/action-ids';
import { blockAction, slashCommand } from '../fakes/slack/payloads';
import { type RecordingAgent, startTestServer, type TestServer } from '../helpers/server';
import { signedHeaders } from '../helpers/slack-sign';
import { connectSlackUser } from '../helpers/users';

/**
 * A request captured on the wire (a proxy log, a compromised load balancer) carries a valid signature
 * for five minutes. Replayed inside that window — to the same instance or to a second one on the same
 * database — a slash command or a button click must be processed once, as Slack's own retries of
 * events already are.
 */
describe('Slack: replayed commands and clicks are processed once, across instances', () => {
  let a: TestServer;
  let b: TestServer;
  before(async () => {
    a = await startTestServer();
    b = await startTestServer({ google: a.google, slack: a.slack, database: a.tdb });
    a.slack.state.addUser({ id: 'U_REP', name: 'rep', tz: 'UTC' });
    await connectSlackUser(a.ctx, a.google, { slackUserId: 'U_REP' });
  });
  const skipped = () =>
    [a, b].flatMap((t) => t.logs.lines.filter((l) => l.msg === 'duplicate Slack request skipped')).length;
  after(async () => {
    await b.close();
    await a.close();
  });

  it('the same signed /lume status, sent three times to two instances, answers once', async () => {
    const responseUrl = a.slack.state.responseUrl();
    const req = slashCommand(a.who, { text: 'status', userId: 'U_REP', responseUrl });
    const headers = signedHeaders('test-signing-secret', req.body);
    const acks = [await a.post(req, headers), await b.post(req, headers), await a.post(req, headers)];
    assert.deepEqual(
      acks.map((r) => r.status),
      [200, 200, 200],
      'a replay is acknowledged (Slack and the attacker learn nothing), not processed',
    );
    await a.slack.state.waitForResponse(responseUrl, 1);
    // A refused copy is logged before its (empty) ack, so by now both are.
    assert.equal(skipped(), 2, 'two replays refused');
    assert.equal(a.slack.state.responsesTo(responseUrl).length, 1, 'one answer');
  });

  it('a replayed Confirm click reaches the agent once; two distinct clicks still both reach it', async () => {
    const click = () =>
      blockAction(a.who, {
        userId: 'U_REP',
        actionId: ACTIONS.confirmAction,
        value: '00000000-0000-4000-8000-000000000001',
        container: { type: 'message', channelId: 'D_REP', messageTs: '1700000000.000100' },
      });
    const agents = [a.agent, b.agent] as RecordingAgent[];
    const clicks = () => agents.reduce((n, x) => n + x.clicks.length, 0);
    const req = click();
    const headers = signedHeaders('test-signing-secret', req.body);
    await Promise.all([a.post(req, headers), b.post(req, headers), b.post(req, headers)]);
    await a.logs.waitFor(() => clicks() >= 1, 'the click');
    const other = click();
    await a.post(other);
    await a.logs.waitFor(() => clicks() >= 2, 'the second, distinct click');
    assert.equal(skipped(), 4, 'two more replays refused');
    assert.equal(clicks(), 2, 'the replays went nowhere, the new click did');
  });
});
