import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { AppContext } from '../context';
import { PerMinuteLimiter } from '../rate-limit';
import { apiDocsDocs, apiDocsRoutes } from './api-docs';
import { authMe, authMeDoc } from './auth-me';
import { authRefresh, authRefreshDoc } from './auth-refresh';
import { calendarNotifications, calendarNotificationsDoc } from './calendar-notifications';
import { healthDocs, healthRoutes } from './health';
import { METRICS_PATH, metricsDoc, metricsRoute } from './metrics';
import { oauthCallback, oauthCallbackDoc } from './oauth-callback';
import { oauthStart, oauthStartDoc, PLAIN_SIGN_INS_PER_MINUTE } from './oauth-start';
import { openApiDocument } from './openapi/document';
import { INTERNAL_ERROR, type RouteDoc } from './openapi/route-doc';
import { requestLog } from './request-log';
import { requireSession } from './require-session';
import { authSecurityHeaders } from './security-headers';

/**
 * What /openapi.json describes: one entry per route mounted below. Adding a route: export its
 * RouteDoc from the file that handles it (built from the zod schemas the handler validates with and
 * answers through), mount the route below and list the RouteDoc here.
 * test/http/openapi-routes.spec.ts fails while the two disagree.
 */
export const ROUTE_DOCS: RouteDoc[] = [
  ...healthDocs,
  metricsDoc,
  oauthStartDoc,
  oauthCallbackDoc,
  authMeDoc,
  authRefreshDoc,
  calendarNotificationsDoc,
  ...apiDocsDocs,
];

export interface HttpRoutesOptions {
  /** Routes mounted outside src/http on the same app (Bolt's /slack/events), for /openapi.json. */
  alsoDocumented?: RouteDoc[];
}

/** Every non-Slack HTTP route. No body parser is global: nothing here sits in front of /slack/events. */
export function httpRoutes(ctx: AppContext, o: HttpRoutesOptions = {}): Router {
  const router = express.Router();
  router.use(healthRoutes(ctx));
  router.get(METRICS_PATH, metricsRoute(ctx));

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
      res
        .status(500)
        .json(INTERNAL_ERROR.parse({ error: 'internal_error', message: 'Something went wrong; try again.' }));
  });
  router.use('/auth', auth);

  router.post(calendarNotificationsDoc.path, requestLog(ctx.log), calendarNotifications(ctx));

  const documented = [...(o.alsoDocumented ?? []), ...ROUTE_DOCS];
  router.use(apiDocsRoutes(openApiDocument(documented, ctx.config.publicUrl)));
  return router;
}
