import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AgentPorts } from '../../src/agent/ports';
import type { Agent } from '../../src/agent/types';
import { buildContext } from '../../src/build-context';
import type { AppContext } from '../../src/context';
import type { RetryClock } from '../../src/google/retry';
import type { JobCatalogue } from '../../src/jobs';
import { createAppJobEngine } from '../../src/jobs/app-engine';
import type { JobEngine, JobEvents } from '../../src/jobs/engine';
import { createLogger } from '../../src/log';
import { createServer, type LumeServer } from '../../src/server';
import type { PostLimits } from '../../src/slack/notify/pacer';
import { type FakeGoogle, startFakeGoogle } from '../fakes/google/server';
import {
  blockAction,
  eventCallback,
  type FieldInput,
  formState,
  type SlackRequest,
  slashCommand,
  viewSubmission,
  type Who,
} from '../fakes/slack/payloads';
import { type FakeSlack, startFakeSlack } from '../fakes/slack/server';
import { googleEnv, testConfig } from './config';
import { createTestDatabase, type TestDatabase } from './db';
import { RecordingAgent } from './recording-agent';
import { LogCapture } from './slack-logs';
import { signedHeaders } from './slack-sign';

export { LogCapture, RecordingAgent };

export const SIGNING_SECRET = 'test-signing-secret';

export interface TestServerOptions {
  /** Extra environment (e.g. GEMINI_BASE_URL of a fake Gemini); applied last. */
  env?: Record<string, string | undefined>;
  /** The agent, built on the server's context and the ports its Slack app implements. Default: a RecordingAgent. */
  agent?: (ctx: AppContext, ports: AgentPorts) => Agent;
  now?: () => Date;
  /** How Google read retries wait (default: real timers). */
  retryClock?: RetryClock;
  /** Reuse fakes across servers (e.g. two instances of Lume on one database). */
  google?: FakeGoogle;
  slack?: FakeSlack;
  database?: TestDatabase;
  /** Level of the captured log (default debug; benchmarks use info, as production does). */
  logLevel?: string;
  /** The job engine's catalogue (default: Lume's own, src/jobs/index.ts) and metrics hooks. */
  jobs?: { catalogue?: JobCatalogue; events?: JobEvents };
  /** The proactive pacer's limits (default: Slack's documented ones). */
  postLimits?: Partial<PostLimits>;
  /** Put the process metrics on this server's registry too, as src/run.ts does (default off: each keeps monitors alive). */
  processMetrics?: boolean;
}

export interface Sent {
  status: number;
  text: string;
  json(): unknown;
}

export interface TestServer {
  /** Base URL of the running Lume (also its PUBLIC_URL, so connect links work from a test browser). */
  url: string;
  ctx: AppContext;
  lume: LumeServer;
  google: FakeGoogle;
  slack: FakeSlack;
  tdb: TestDatabase;
  logs: LogCapture;
  agent: Agent;
  /** The ports the Slack app implements for the agent (a second agent in a spec can use them too). */
  ports: AgentPorts;
  /**
   * This instance's job engine on the test database and clock, started as src/run.ts starts it but
   * without timers: `engine.runDue()` runs what is due now. Two servers on one database are two instances.
   */
  engine: JobEngine;
  who: Who;
  /** POST a body to /slack/events, signed as Slack signs it unless `headers` replace the signature. */
  post(req: SlackRequest, headers?: Record<string, string>): Promise<Sent>;
  /** A signed `/lume <text>`; returns the HTTP ack and the response_url to wait on. */
  command(text: string, userId: string, channelId?: string): Promise<Sent & { responseUrl: string }>;
  /** A signed Events API delivery; `retryNum` adds Slack's retry headers. */
  event(
    event: Record<string, unknown>,
    o?: { eventId?: string; retryNum?: number; teamId?: string },
  ): Promise<Sent & { eventId: string }>;
  action(o: Parameters<typeof blockAction>[1]): Promise<Sent>;
  /**
   * Submit a modal the fake Slack opened, as `userId`, with `input` changed (by block_id) and every
   * other field as the view prefilled it. The ack's body is the response_action, if any.
   */
  submit(view: Record<string, unknown>, userId: string, input?: Record<string, FieldInput>): Promise<Sent>;
  close(): Promise<void>;
}

/**
 * The real Lume server (Bolt + Express receiver, routes, database) on 127.0.0.1, wired to a fake
 * Slack Web API (SLACK_API_URL) and a fake Google (all Google endpoints). Logs are captured at debug.
 */
export async function startTestServer(o: TestServerOptions = {}): Promise<TestServer> {
  const google = o.google ?? (await startFakeGoogle());
  const slack = o.slack ?? (await startFakeSlack());
  const tdb = o.database ?? (await createTestDatabase());
  const logs = new LogCapture();
  // Bind first so PUBLIC_URL (connect links, OAuth redirect) is this server's real address.
  const http: Server = createHttpServer();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const config = testConfig({
    PUBLIC_URL: url,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    ...googleEnv(google.url),
    ...o.env,
  });
  const ctx = buildContext(
    config,
    tdb.db,
    createLogger(o.logLevel ?? 'debug', logs.stream),
    o.now,
    o.retryClock,
    { jobs: o.jobs?.catalogue, processMetrics: o.processMetrics },
  );
  const build = o.agent ?? ((_ctx: AppContext, p: AgentPorts) => new RecordingAgent().build(p));
  let built: { agent: Agent; ports: AgentPorts } | undefined;
  const lume = await createServer(ctx, {
    postLimits: o.postLimits,
    agent: (ports) => {
      built = { agent: build(ctx, ports), ports };
      return built.agent;
    },
  });
  if (!built) throw new Error('the server did not build its agent');
  const { agent, ports } = built;
  const engine = createAppJobEngine(ctx, {
    instanceId: `test-server:${url}`,
    ports: { agent, messenger: lume.messenger, people: lume.people },
    catalogue: o.jobs?.catalogue,
    events: o.jobs?.events,
    tuning: { poll: false },
  });
  await engine.start();
  http.on('request', lume.app);

  const who: Who = { teamId: slack.state.teamId, appId: slack.state.appId, botUserId: slack.state.botUserId };
  const post = async (req: SlackRequest, headers?: Record<string, string>): Promise<Sent> => {
    const res = await fetch(`${url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': req.contentType, ...(headers ?? signedHeaders(SIGNING_SECRET, req.body)) },
      body: req.body,
    });
    const text = await res.text();
    return { status: res.status, text, json: () => JSON.parse(text) };
  };

  return {
    url,
    ctx,
    lume,
    google,
    slack,
    tdb,
    logs,
    agent,
    ports,
    engine,
    who,
    post,
    async command(text, userId, channelId) {
      const responseUrl = slack.state.responseUrl();
      const sent = await post(slashCommand(who, { text, userId, channelId, responseUrl }));
      return { ...sent, responseUrl };
    },
    async event(event, eo = {}) {
      const req = eventCallback(who, event, { eventId: eo.eventId, teamId: eo.teamId });
      const retry: Record<string, string> =
        eo.retryNum !== undefined
          ? { 'x-slack-retry-num': String(eo.retryNum), 'x-slack-retry-reason': 'http_timeout' }
          : {};
      const sent = await post(req, { ...signedHeaders(SIGNING_SECRET, req.body), ...retry });
      return { ...sent, eventId: req.eventId };
    },
    action: (ao) => post(blockAction(who, ao)),
    submit: (view, userId, input) =>
      post(viewSubmission(who, { userId, view, values: formState(view, input) })),
    async close() {
      await engine.stop(0);
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await lume.close();
      await ctx.google.flush();
      if (!o.google) await google.close();
      if (!o.slack) await slack.close();
      if (!o.database) await tdb.cleanup();
    },
  };
}
