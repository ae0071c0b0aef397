import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { buildContext } from '../../src/build-context';
import type { AppContext } from '../../src/context';
import { httpRoutes } from '../../src/http';
import { createLogger, type Logger } from '../../src/log';
import { type FakeGoogle, startFakeGoogle } from '../fakes/google/server';
import { googleEnv, testConfig } from './config';
import { createTestDatabase, type TestDatabase } from './db';

export interface AuthApp {
  url: string;
  ctx: AppContext;
  fake: FakeGoogle;
  tdb: TestDatabase;
  close(): Promise<void>;
}

/** The real /auth, /health and /ready routes on a real database, talking to a fake Google. */
export async function startAuthApp(
  opts: { env?: Record<string, string>; now?: () => Date; log?: Logger } = {},
): Promise<AuthApp> {
  const fake = await startFakeGoogle();
  const tdb = await createTestDatabase();
  const app = express();
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = testConfig({ PUBLIC_URL: url, ...googleEnv(fake.url), ...opts.env });
  const ctx = buildContext(config, tdb.db, opts.log ?? createLogger('silent'), opts.now);
  app.use(httpRoutes(ctx));
  return {
    url,
    ctx,
    fake,
    tdb,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await ctx.google.flush();
      await fake.close();
      await tdb.cleanup();
    },
  };
}

/** A minimal browser: keeps cookies, follows nothing by itself. */
export class Browser {
  readonly cookies = new Map<string, string>();

  async get(url: string, headers: Record<string, string> = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { ...(cookie ? { cookie } : {}), ...headers },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return res;
  }
}

/** Start the flow, pass Google's consent screen, and return the callback URL Google redirects to. */
export async function reachCallback(
  app: Pick<AuthApp, 'url'>,
  browser: Browser,
  startPath: string,
): Promise<string> {
  const start = await browser.get(`${app.url}${startPath}`);
  if (start.status !== 302) throw new Error(`start answered ${start.status}: ${await start.text()}`);
  const consent = await browser.get(start.headers.get('location') as string);
  if (consent.status !== 302) throw new Error(`consent answered ${consent.status}: ${await consent.text()}`);
  return consent.headers.get('location') as string;
}

/** The whole dance: link → Google → callback. Returns the callback response. */
export async function connect(
  app: Pick<AuthApp, 'url'>,
  startPath: string,
  accept = 'text/html',
): Promise<Response> {
  const browser = new Browser();
  const callback = await reachCallback(app, browser, startPath);
  return browser.get(callback, { accept });
}
