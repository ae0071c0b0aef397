import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { AppContext } from '../context';
import { PerMinuteLimiter } from '../rate-limit';
import { authMe } from './auth-me';
import { authRefresh } from './auth-refresh';
import { healthRoutes } from './health';
import { oauthCallback } from './oauth-callback';
import { oauthStart, PLAIN_SIGN_INS_PER_MINUTE } from './oauth-start';
import { requestLog } from './request-log';
import { requireSession } from './require-session';
import { authSecurityHeaders } from './security-headers';

/** Every non-Slack HTTP route. No body parser is global: nothing here sits in front of /slack/events. */
export function httpRoutes(ctx: AppContext): Router {
  const router = express.Router();
  router.use(healthRoutes(ctx));

  const auth = express.Router();
  auth.use(requestLog(ctx.log), authSecurityHeaders);
  auth.get('/oauth/google', oauthStart(ctx, new PerMinuteLimiter(PLAIN_SIGN_INS_PER_MINUTE, ctx.now)));
  auth.get('/oauth/google/callback', oauthCallback(ctx));
  auth.get('/me', requireSession(ctx), authMe(ctx));
  auth.post('/refresh', requireSession(ctx), authRefresh(ctx));
  auth.use((_req: Request, res: Response) => res.status(404).json({ error: 'not_found' }));
  // Express 5 routes rejected promises here: log the details, tell the client nothing internal.
  auth.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    ctx.log.error({ err, path: req.path }, 'auth route failed');
    if (!res.headersSent)
      res.status(500).json({ error: 'internal_error', message: 'Something went wrong; try again.' });
  });
  router.use('/auth', auth);
  return router;
}
