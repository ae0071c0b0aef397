import assert from 'node:assert/strict';
import { buildContext } from '../../src/build-context';
import type { AppContext } from '../../src/context';
import { createLogger } from '../../src/log';
import { createServer, type LumeServer } from '../../src/server';
import { type FakeGoogle, startFakeGoogle } from '../fakes/google/server';
import { dmMessage, eventCallback, slashCommand } from '../fakes/slack/payloads';
import { type FakeSlack, startFakeSlack } from '../fakes/slack/server';
import { googleEnv, testConfig } from '../helpers/config';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { LogCapture, RecordingAgent, SIGNING_SECRET } from '../helpers/server';
import { signedHeaders } from '../helpers/slack-sign';
import { connectSlackUser } from '../helpers/users';

/** createServer(ctx, {agent}).listen(): the production entry point, in HTTP mode and in Socket Mode. */
describe('Lume server: HTTP mode and Socket Mode', () => {
  let slack: FakeSlack;
  let google: FakeGoogle;
  let tdb: TestDatabase;
  before(async () => {
    slack = await startFakeSlack();
    google = await startFakeGoogle();
    tdb = await createTestDatabase();
    slack.state.addUser({ id: 'U1', name: 'ada', tz: 'UTC' });
  });
  after(async () => {
    await slack.close();
    await google.close();
    await tdb.cleanup();
  });

  function context(env: Record<string, string>, logs = new LogCapture()): AppContext {
    const config = testConfig({
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      ...googleEnv(google.url),
      ...env,
    });
    return buildContext(config, tdb.db, createLogger('debug', logs.stream));
  }

  it('HTTP: listen(0) serves signed /slack/events, health and readiness; close() stops it', async () => {
    const server: LumeServer = await createServer(context({}), { agent: new RecordingAgent().build });
    assert.equal(server.mode, 'http');
    const { port } = await server.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${port}`;
    try {
      const req = slashCommand(
        { teamId: 'T0LUME', appId: 'A0LUME', botUserId: 'U0LUMEBOT' },
        { text: 'help', userId: 'U1', responseUrl: slack.state.responseUrl() },
      );
      const res = await fetch(`${base}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': req.contentType, ...signedHeaders(SIGNING_SECRET, req.body) },
        body: req.body,
      });
      assert.equal(res.status, 200);
      assert.match(((await res.json()) as { text: string }).text, /\/lume today/);
      assert.equal((await fetch(`${base}/health`)).status, 200);
      assert.equal((await fetch(`${base}/ready`)).status, 200);
      assert.equal(res.headers.get('x-powered-by'), null);
    } finally {
      await server.close();
    }
    await assert.rejects(fetch(`${base}/health`), 'closed');
  });

  it('Socket Mode (SLACK_APP_TOKEN): Slack traffic over the WebSocket, OAuth and health still on HTTP', async () => {
    const logs = new LogCapture();
    const ctx = context({ SLACK_APP_TOKEN: 'xapp-1-A0LUME-test' }, logs);
    const agent = new RecordingAgent();
    const server = await createServer(ctx, { agent: agent.build });
    assert.equal(server.mode, 'socket');
    const { port } = await server.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${port}`;
    try {
      await slack.socket.connected;
      assert.equal(slack.state.callsTo('apps.connections.open')[0]?.token, 'xapp-1-A0LUME-test');
      // A slash command arrives as an envelope; the ack carries the help response.
      const ack = await slack.socket.send('slash_commands', {
        command: '/lume',
        text: 'help',
        user_id: 'U1',
        team_id: 'T0LUME',
        channel_id: 'C1',
        api_app_id: 'A0LUME',
        response_url: slack.state.responseUrl(),
      });
      assert.match(String(ack.text), /\/lume today/);
      // A DM arrives as an events_api envelope and reaches the agent.
      await connectSlackUser(ctx, google, { slackUserId: 'U1' });
      const who = { teamId: 'T0LUME', appId: 'A0LUME', botUserId: 'U0LUMEBOT' };
      const ev = eventCallback(who, dmMessage({ user: 'U1', text: 'over the socket' }));
      await slack.socket.send('events_api', JSON.parse(ev.body));
      await logs.processed(ev.eventId);
      assert.equal(agent.turns[0]?.text, 'over the socket');
      // HTTP still serves health and OAuth, but not /slack/events.
      assert.equal((await fetch(`${base}/health`)).status, 200);
      assert.equal((await fetch(`${base}/auth/oauth/google`, { redirect: 'manual' })).status, 302);
      const post = await fetch(`${base}/slack/events`, { method: 'POST', body: '{}' });
      assert.equal(post.status, 404);
    } finally {
      await server.close();
    }
  });
});
