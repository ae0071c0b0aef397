import type { NextFunction, Request, Response } from 'express';
import type { HttpTelemetry } from '../telemetry';

/**
 * The route a request matched, as Express's pattern (`/auth/me`), never the path that was asked
 * for: the router's mount point plus the matched route. A request no route took is `unmatched`
 * when it ends in a 404 (so scanners cannot mint series), else the mount that answered it
 * (`/assets`, or `/slack/events` when its timestamp check refused it before Bolt's route).
 */
export function routeOf(req: Request, status: number): string {
  const route = req.route as { path?: unknown } | undefined;
  if (typeof route?.path === 'string') return `${req.baseUrl}${route.path}` || '/';
  if (status === 404 || !req.baseUrl) return 'unmatched';
  return req.baseUrl;
}

/**
 * Counts and times every HTTP request once its answer is sent (pino-http logs them; this counts
 * them). Mounted first on the Express app, so Bolt's /slack/events is measured too.
 */
export function requestMetrics(telemetry: HttpTelemetry) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      telemetry.httpRequest({
        method: req.method,
        route: routeOf(req, res.statusCode),
        status: res.statusCode,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      });
    });
    next();
  };
}
