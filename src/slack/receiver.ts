import { type Logger as BoltLogger, ExpressReceiver, SocketModeReceiver } from '@slack/bolt';
import type express from 'express';
import type { AppContext } from '../context';
import { slackClientOptions } from './client-options';
import { requireFreshTimestamp } from './middleware/fresh-timestamp';

export const SLACK_EVENTS_PATH = '/slack/events';

export type SlackReceiver =
  | { mode: 'http'; receiver: ExpressReceiver }
  | { mode: 'socket'; receiver: SocketModeReceiver };

/**
 * Transport only. HTTP: Bolt's ExpressReceiver on `web` at /slack/events; it reads the raw body,
 * checks the v0 HMAC signature and timestamp (401 otherwise) and only then parses — which is why no
 * body parser may sit in front of it. Socket Mode (SLACK_APP_TOKEN set): Slack traffic arrives over a
 * WebSocket and /slack/events is not served at all.
 */
export function buildReceiver(ctx: AppContext, web: express.Express, logger: BoltLogger): SlackReceiver {
  const { slack } = ctx.config;
  if (slack.appToken) {
    const receiver = new SocketModeReceiver({
      appToken: slack.appToken,
      logger,
      // Bolt hands these to the socket client for apps.connections.open (so SLACK_API_URL applies there too).
      installerOptions: { clientOptions: slackClientOptions(ctx, logger) },
    });
    return { mode: 'socket', receiver };
  }
  web.use(SLACK_EVENTS_PATH, requireFreshTimestamp());
  const receiver = new ExpressReceiver({
    signingSecret: slack.signingSecret ?? '',
    endpoints: SLACK_EVENTS_PATH,
    app: web,
    logger,
    // Ack first, work after: the HTTP response goes out the moment a listener calls ack().
    processBeforeResponse: false,
  });
  return { mode: 'http', receiver };
}
