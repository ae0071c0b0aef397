import type { Logger as BoltLogger } from '@slack/bolt';
import { App, type Receiver } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Agent } from '../agent/types';
import type { AppContext } from '../context';
import { onAccountLinked } from './account-linked';
import { AgendaService } from './agenda';
import type { SlackDeps } from './deps';
import { describeSlackIdentities } from './describe-identity';
import { slackErrorHandler } from './error-handler';
import { registerListeners } from './listeners';
import { dedupeEvents } from './middleware/dedupe-events';
import type { BotIdentity } from './verify-bot-token';

/**
 * Web API client settings. SLACK_API_URL points it elsewhere (tests, GovSlack). Slack's default retry
 * policy keeps trying for ~30 minutes; a person waiting on a reply is better served by a few quick
 * retries and a clear failure. Rate-limited calls still wait for Retry-After.
 */
export function slackClientOptions(ctx: AppContext, logger: BoltLogger): WebClientOptions {
  return {
    ...(ctx.config.slack.apiUrl ? { slackApiUrl: ctx.config.slack.apiUrl } : {}),
    logger,
    timeout: 10_000,
    retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 4000, randomize: true },
  };
}

/** The Bolt app on a receiver built by src/server.ts: middleware, listeners, error handler, auth hook. */
export function createSlackApp(o: {
  ctx: AppContext;
  agent: Agent;
  receiver: Receiver;
  logger: BoltLogger;
  /** From verifyBotToken: with the ids given, Bolt never calls auth.test itself. */
  identity: BotIdentity;
}): {
  app: App;
  deps: SlackDeps;
} {
  const { ctx, agent, receiver, logger, identity } = o;
  const app = new App({
    token: ctx.config.slack.botToken,
    botId: identity.botId,
    botUserId: identity.botUserId,
    receiver,
    logger,
    clientOptions: slackClientOptions(ctx, logger),
    // Bolt's default conversation store keeps per-channel state in memory; Lume keeps its own in the DB.
    convoStore: false,
    // Bolt's ignoreSelf would drop Lume's own messages before the dedupe middleware sees them; each
    // listener filters bots (Lume included) itself instead, and those checks are tested.
    ignoreSelf: false,
    extendedErrorHandler: true,
  });
  const deps: SlackDeps = {
    ctx,
    agent,
    agenda: new AgendaService({ google: ctx.google, log: ctx.log, now: ctx.now, retryClock: ctx.retryClock }),
  };
  app.use(dedupeEvents(ctx));
  registerListeners(app, deps);
  app.error(slackErrorHandler(ctx, app.client));
  onAccountLinked(deps, app.client);
  describeSlackIdentities(deps, app.client, identity.teamName);
  return { app, deps };
}
