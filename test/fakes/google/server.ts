import type { AddressInfo } from 'node:net';
import express from 'express';
import { googleError } from './api-auth';
import { fakeGoogleRoutes } from './routes';
import { type FakeAccount, FakeGoogleState } from './state';

export const FAKE_CLIENT = {
  id: 'lume-test-client.apps.googleusercontent.com',
  secret: 'lume-test-client-secret',
};
export const ADA: FakeAccount = {
  sub: '100000000000000000001',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
};

export interface FakeGoogle {
  url: string;
  state: FakeGoogleState;
  close(): Promise<void>;
}

/** A local HTTP server speaking Google's OAuth and REST wire formats. */
export async function startFakeGoogle(): Promise<FakeGoogle> {
  const state = new FakeGoogleState();
  state.addClient(FAKE_CLIENT.id, FAKE_CLIENT.secret);
  const app = express();
  app.use(express.json({ limit: '5mb' }), express.urlencoded({ extended: false }));
  app.use((req, res, next) => {
    const body = req.body;
    state.requests.push({
      method: req.method,
      path: req.path,
      query: { ...req.query },
      headers: req.headers,
      body,
    });
    const failure = state.failures.find(
      (f) => f.match.test(req.path) && (f.times === undefined || f.times > 0),
    );
    // Counted on arrival, so N concurrent requests use up exactly N failures.
    if (failure?.times !== undefined) failure.times -= 1;
    const delay = state.delays.find((d) => d.match.test(req.path))?.ms ?? 0;
    setTimeout(() => {
      if (failure) {
        if (failure.retryAfter !== undefined) res.setHeader('Retry-After', String(failure.retryAfter));
        return googleError(
          res,
          failure.status,
          failure.message ?? 'Injected failure',
          failure.reason ?? 'backendError',
        );
      }
      next();
    }, delay);
  });
  for (const routes of fakeGoogleRoutes) app.use(routes(state));
  app.use((req, res) =>
    googleError(res, 404, `Fake Google has no route ${req.method} ${req.path}`, 'notFound'),
  );
  // Google refuses a JSON request body over 5 MB (bigger mail must use the /upload/ endpoints).
  app.use(
    (err: { type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (err.type !== 'entity.too.large') return next(err);
      googleError(res, 400, 'Request payload size exceeds the limit: 5242880 bytes.', 'badRequest');
    },
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
