import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import express from 'express';
import type { AgentPorts } from './agent/ports';
import type { Agent } from './agent/types';
import type { AppContext } from './context';
import { httpRoutes } from './http';
import { slackEventsDoc } from './http/openapi/slack-events';
import { requestMetrics } from './http/request-metrics';
import type { Messenger } from './notify/messenger';
import type { TimeZoneSource } from './settings/time-zone-source';
import { createSlackApp } from './slack/app';
import { boltLogger } from './slack/bolt-logger';
import type { PostLimits, SlackPacer } from './slack/notify/pacer';
import { buildReceiver, SLACK_EVENTS_PATH } from './slack/receiver';
import { verifyBotToken } from './slack/verify-bot-token';

export interface ServerDeps {
  /**
   * Answers DMs, mentions and `/lume <question>` (src/agent's createAgent in production), built on the
   * ports the Slack app implements for it.
   */
  agent: (ports: AgentPorts) => Agent;
  /** Tuning of the proactive posts' pacer (tests, benchmarks); Slack's documented limits otherwise. */
  postLimits?: Partial<PostLimits>;
}

export interface LumeServer {
  /** The Express app every HTTP route lives on (and, in HTTP mode, /slack/events). */
  app: express.Express;
  /** The Bolt app (tests reach app.client; production never needs it). */
  slack: App;
  /** 'socket' when SLACK_APP_TOKEN is set: Slack traffic then comes over a WebSocket, not /slack/events. */
  mode: 'http' | 'socket';
  /** DMs what Lume says first; the composition root hands it to the job engine. */
  messenger: Messenger;
  /** Reads people's Slack time zones again; the composition root hands it to the job engine. */
  people: TimeZoneSource;
  /** The pacer every proactive post goes through (tests read its queue). */
  pacer: SlackPacer;
  listen(port: number, host?: string): Promise<{ port: number; server: Server }>;
  close(): Promise<void>;
}

/**
 * One Express app serves OAuth, health and — in HTTP mode — Slack's /slack/events through Bolt's
 * ExpressReceiver. In Socket Mode the same Express app still serves OAuth and health, and Bolt keeps
 * a WebSocket to Slack, opened by listen() and closed by close().
 */
export async function createServer(ctx: AppContext, deps: ServerDeps): Promise<LumeServer> {
  const web = express();
  web.disable('x-powered-by');
  // req.ip (per-client limits, logs) is the real client only through the proxies TRUST_PROXY names.
  web.set('trust proxy', ctx.config.trustProxy);
  // First, so every request is counted by route, Bolt's /slack/events included.
  web.use(requestMetrics(ctx.telemetry));
  const logger = boltLogger(ctx.log);
  const identity = await verifyBotToken(ctx, logger);
  // The receiver goes on first: its /slack/events route must read the raw body before any parser.
  const { mode, receiver } = buildReceiver(ctx, web, logger);
  web.use(httpRoutes(ctx, { alsoDocumented: mode === 'http' ? [slackEventsDoc(SLACK_EVENTS_PATH)] : [] }));
  const {
    app: slack,
    messenger,
    people,
    pacer,
  } = createSlackApp({ ctx, agent: deps.agent, receiver, logger, identity, postLimits: deps.postLimits });

  let server: Server | undefined;
  return {
    app: web,
    slack,
    mode,
    messenger,
    people,
    pacer,
    async listen(port, host) {
      const listening = createHttpServer(web);
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(port, host ?? '0.0.0.0', () => {
          listening.off('error', reject);
          resolve();
        });
      });
      server = listening;
      if (mode === 'socket') await slack.start();
      return { port: (listening.address() as AddressInfo).port, server: listening };
    },
    async close() {
      if (mode === 'socket') await slack.stop().catch(() => undefined);
      const s = server;
      server = undefined;
      if (!s) return;
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
}
