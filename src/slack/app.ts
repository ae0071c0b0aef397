import type { Logger as BoltLogger } from '@slack/bolt';
import { App, type Receiver } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { AgendaService } from '../agenda';
import type { AgentPorts } from '../agent/ports';
import type { Agent } from '../agent/types';
import type { AppContext } from '../context';
import type { Messenger } from '../notify/messenger';
import type { TimeZoneSource } from '../settings/time-zone-source';
import { slackAgentPorts } from './agent/slack-agent-ports';
import { slackClientOptions } from './client-options';
import type { SlackDeps } from './deps';
import { slackErrorHandler } from './error-handler';
import { answerLinkHooks } from './link-hooks';
import { registerListeners } from './listeners';
import { dedupeEvents } from './middleware/dedupe-events';
import { type PostLimits, SlackPacer } from './notify/pacer';
import { databasePauses } from './notify/pauses';
import { singleInstallation, slackMessenger } from './notify/slack-messenger';
import { slackTimeZones } from './slack-time-zones';
import { SlackUsers, slackUserCache } from './slack-users';
import type { BotIdentity } from './verify-bot-token';
import { ViewingContexts, viewingCaches } from './viewing';

/** The Bolt app on a receiver built by src/server.ts: middleware, listeners, error handler, auth hook. */
export function createSlackApp(o: {
  ctx: AppContext;
  /** The agent, built on the ports this Slack app implements for it. */
  agent: (ports: AgentPorts) => Agent;
  receiver: Receiver;
  logger: BoltLogger;
  /** From verifyBotToken: with the ids given, Bolt never calls auth.test itself. */
  identity: BotIdentity;
  /** Tuning of the proactive pacer (tests, benchmarks); Slack's documented limits otherwise. */
  postLimits?: Partial<PostLimits>;
}): {
  app: App;
  deps: SlackDeps;
  /** What Lume says first goes out through this (the job engine's `messenger` port). */
  messenger: Messenger;
  /** The daily time-zone re-read asks Slack through this (the job engine's `people` port). */
  people: TimeZoneSource;
  /** The proactive posts' pacer (tests look at its queue). */
  pacer: SlackPacer;
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
  const zones = { sink: ctx.settings, now: ctx.now };
  const userCache = slackUserCache(ctx.now);
  const users = new SlackUsers(app.client, userCache, ctx.log, zones);
  const deps: SlackDeps = {
    ctx,
    agent: agent(slackAgentPorts({ ctx, client: app.client, users })),
    agenda: new AgendaService({ google: ctx.google, log: ctx.log, now: ctx.now, retryClock: ctx.retryClock }),
    users,
    viewing: new ViewingContexts(app.client, viewingCaches(ctx.now), ctx.log),
  };
  app.use(dedupeEvents(ctx));
  registerListeners(app, deps);
  app.error(slackErrorHandler(ctx, app.client));
  answerLinkHooks(deps, app.client, identity.teamName);
  // Proactive posts get a client of their own that hands 429s back instead of waiting inside the
  // call: the job decides (snooze), and answers to people never queue behind a morning burst.
  // No retries inside the call either: a retried chat.postMessage after a timeout may post twice, and
  // the job already retries with backoff.
  const proactive = new WebClient(ctx.config.slack.botToken, {
    ...slackClientOptions(ctx, logger),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });
  const pacer = new SlackPacer({
    limits: o.postLimits,
    pauses: databasePauses(ctx.db.sequelize),
    pauseClock: { now: () => ctx.now().getTime() },
    onRateLimited: ({ teamId, retryAfterMs }) =>
      ctx.log.warn({ teamId, retryAfterMs }, 'Slack rate-limited a proactive post; the workspace waits'),
  });
  const messenger = slackMessenger({ clients: singleInstallation(proactive), pacer, log: ctx.log });
  // Background re-reads share the interactive cache, so a traveller's new zone shows at once.
  const people = slackTimeZones(new SlackUsers(proactive, userCache, ctx.log, zones));
  return { app, deps, messenger, people, pacer };
}
