import express, { type Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context';
import { jsonResponse, type RouteDoc } from './openapi/route-doc';

const Alive = z.object({ status: z.literal('ok') });
const Ready = z.object({ status: z.literal('ready') });
const Unready = z.object({
  status: z.literal('unavailable'),
  reason: z.string().meta({ description: 'What is not answering; never a secret.' }),
});

export function healthRoutes(ctx: AppContext): Router {
  const router = express.Router();
  // Liveness: the process answers. No I/O, so a slow database never gets the pod killed.
  router.get('/health', (_req, res) => {
    res.json(Alive.parse({ status: 'ok' }));
  });
  // Readiness: the database answers; load balancers stop sending traffic when it does not.
  router.get('/ready', async (_req, res) => {
    try {
      await ctx.db.ping();
      res.json(Ready.parse({ status: 'ready' }));
    } catch (err) {
      ctx.log.warn({ err }, 'readiness check failed: database unreachable');
      res.status(503).json(Unready.parse({ status: 'unavailable', reason: 'database unreachable' }));
    }
  });
  return router;
}

export const healthDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/health',
    operation: {
      operationId: 'health',
      tags: ['Operations'],
      summary: 'Liveness',
      description: 'The process answers. No I/O, so a slow database never gets the instance killed.',
      responses: { '200': jsonResponse('Alive.', Alive, { status: 'ok' }) },
    },
  },
  {
    method: 'get',
    path: '/ready',
    operation: {
      operationId: 'ready',
      tags: ['Operations'],
      summary: 'Readiness',
      description: 'The database answers; a load balancer stops sending traffic while it does not.',
      responses: {
        '200': jsonResponse('Ready to serve.', Ready, { status: 'ready' }),
        '503': jsonResponse('Not ready: the database does not answer.', Unready, {
          status: 'unavailable',
          reason: 'database unreachable',
        }),
      },
    },
  },
];
