import express, { type Router } from 'express';
import type { AppContext } from '../context';

export function healthRoutes(ctx: AppContext): Router {
  const router = express.Router();
  // Liveness: the process answers. No I/O, so a slow database never gets the pod killed.
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Readiness: the database answers; load balancers stop sending traffic when it does not.
  router.get('/ready', async (_req, res) => {
    try {
      await ctx.db.ping();
      res.json({ status: 'ready' });
    } catch (err) {
      ctx.log.warn({ err }, 'readiness check failed: database unreachable');
      res.status(503).json({ status: 'unavailable', reason: 'database unreachable' });
    }
  });
  return router;
}
