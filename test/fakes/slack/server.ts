import type { AddressInfo } from 'node:net';
import express from 'express';
import { METHODS } from './methods';
import { FakeSocketMode } from './socket';
import { FakeSlackState } from './state';

export interface FakeSlack {
  /** Server root (response URLs live here). */
  url: string;
  /** What SLACK_API_URL is set to: the Web API base, like https://slack.com/api/. */
  apiUrl: string;
  state: FakeSlackState;
  /** Socket Mode: apps.connections.open (with an xapp- token) hands out this WebSocket. */
  socket: FakeSocketMode;
  close(): Promise<void>;
}

/** Arguments the Web API client sends JSON-encoded inside a form post. */
const JSON_ARGS = ['blocks', 'attachments', 'view', 'metadata', 'chunks', 'prompts', 'loading_messages'];

function parseArgs(body: unknown): Record<string, unknown> {
  const args: Record<string, unknown> = { ...((body as Record<string, unknown>) ?? {}) };
  for (const key of JSON_ARGS) {
    if (typeof args[key] === 'string') {
      try {
        args[key] = JSON.parse(args[key] as string);
      } catch {
        // Left as a string: the method's own checks then refuse it, as Slack would.
      }
    }
  }
  return args;
}

/**
 * A local Slack Web API: POST /api/<method> with the bot token, answering in Slack's shapes
 * ({ok:true,…} or HTTP 200 {ok:false,error}), plus response_url endpoints. Every call is recorded.
 */
export async function startFakeSlack(): Promise<FakeSlack> {
  const state = new FakeSlackState();
  const app = express();
  app.use(express.urlencoded({ extended: false, limit: '2mb' }), express.json({ limit: '2mb' }));

  app.post('/api/:method', (req, res) => {
    const method = String(req.params.method);
    const args = parseArgs(req.body);
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : (args.token as string | undefined);
    delete args.token;
    state.record(state.calls, { method, args, token });
    const handler = METHODS[method];
    if (!handler) return res.json({ ok: false, error: 'unknown_method' });
    if (!token) return res.json({ ok: false, error: 'not_authed' });
    // apps.connections.open takes the app-level token (xapp-); every other method the bot token.
    const valid = method === 'apps.connections.open' ? state.appTokens : state.botTokens;
    if (!valid.has(token)) return res.json({ ok: false, error: 'invalid_auth' });
    const limited = state.rateLimits.check(
      method,
      typeof args.channel === 'string' ? args.channel : undefined,
      token,
    );
    if (limited)
      return res
        .status(429)
        .set('Retry-After', String(limited.retryAfterSeconds))
        .json({ ok: false, error: 'ratelimited' });
    const injected = state.takeFailure(method);
    if (injected?.retryAfter !== undefined)
      return res
        .status(429)
        .set('Retry-After', String(injected.retryAfter))
        .json({ ok: false, error: 'ratelimited' });
    if (injected) return res.json({ ok: false, error: injected.error });
    res.json(handler(state, args));
  });

  app.post('/response/:id', (req, res) => {
    state.record(state.responses, { url: `${state.baseUrl}${req.path}`, body: req.body ?? {} });
    res.json({ ok: true });
  });

  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.baseUrl = url;
  const socket = new FakeSocketMode(server);
  return {
    url,
    apiUrl: `${url}/api/`,
    state,
    socket,
    close: () =>
      new Promise<void>((resolve) => {
        socket.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
