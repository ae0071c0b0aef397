import express, { type Router } from 'express';
import type { AppContext } from '../context';
import { healthRoutes } from './health';

/** Every non-Slack HTTP route. Each router parses its own bodies: nothing global sits before /slack/events. */
export function httpRoutes(ctx: AppContext): Router {
  const router = express.Router();
  router.use(healthRoutes(ctx));
  return router;
}
