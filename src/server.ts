import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { AppContext } from './context';
import { httpRoutes } from './http';

export interface LumeServer {
  /** The Express app every HTTP route lives on. */
  app: express.Express;
  listen(port: number, host?: string): Promise<{ port: number; server: Server }>;
  close(): Promise<void>;
}

/** Build the HTTP server: OAuth, health and (see src/slack) the Slack endpoint on one Express app. */
export async function createServer(ctx: AppContext): Promise<LumeServer> {
  const app = express();
  app.disable('x-powered-by');
  app.use(httpRoutes(ctx));
  let server: Server | undefined;
  return {
    app,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        const listening = app.listen(port, host ?? '0.0.0.0', (err?: Error) => {
          if (err) return reject(err);
          resolve({ port: (listening.address() as AddressInfo).port, server: listening });
        });
        server = listening;
      }),
    close: () =>
      new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
