import assert from 'node:assert/strict';
import { WebClient } from '@slack/web-api';
import { boltLogger } from '../../src/slack/bolt-logger';
import { type FakeSlack, startFakeSlack } from '../fakes/slack/server';
import { captureLogger } from '../helpers/log-capture';

/**
 * At LOG_LEVEL=debug the Web API client logs every request body and result. Lume's requests carry
 * answers built from people's mail and calendars, and results carry profiles: none of that may reach
 * the logs, even when an operator turns debug on to chase a problem.
 */
describe('Slack client debug logs carry no message content', () => {
  let slack: FakeSlack;
  beforeEach(async () => {
    slack = await startFakeSlack();
    slack.state.addUser({ id: 'U0ADA', name: 'Ada', realName: 'Ada Lovelace', tz: 'Europe/London' });
  });
  afterEach(() => slack.close());

  it('logs which method ran, not what was sent or answered', async () => {
    const capture = captureLogger('debug');
    const client = new WebClient('xoxb-test-token', {
      slackApiUrl: slack.apiUrl,
      logger: boltLogger(capture.log),
    });
    await client.chat.postMessage({ channel: 'D0ADA', text: 'Priya wrote: MAIL-BODY-SECRET' });
    await client.users.info({ user: 'U0ADA' });
    const logged = capture.text();
    assert.match(logged, /apiCall\('chat\.postMessage'\)/, 'the call itself is still traced');
    assert.ok(!logged.includes('MAIL-BODY-SECRET'), 'message text in the debug log');
    assert.ok(!logged.includes('Ada Lovelace'), 'profile in the debug log');
  });

  it('Socket Mode frames are traced without their payload', () => {
    const capture = captureLogger('debug');
    // The socket-mode client's own wording for every frame it receives and sends.
    const logger = boltLogger(capture.log);
    logger.debug('Received a message on the WebSocket: {"payload":{"text":"MAIL-BODY-SECRET"}}');
    logger.debug('Sending a WebSocket message: {"envelope_id":"e1","payload":{"text":"MAIL-BODY-SECRET"}}');
    assert.ok(!capture.text().includes('MAIL-BODY-SECRET'));
    assert.match(capture.text(), /Received a message on the WebSocket: \[omitted\]/);
  });
});
