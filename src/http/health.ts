import express, { type Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context';
import { jsonResponse, type RouteDoc } from './openapi/route-doc';
import { readiness } from './readiness';

const Alive = z.object({ status: z.literal('ok') });

const Instant = z.iso.datetime().nullable();
const LastCall = z
  .object({
    ok: z
      .boolean()
      .meta({ description: 'Whether the last call succeeded (Google: 2xx/3xx; Slack: `ok: true`).' }),
    at: z.iso.datetime(),
    result: z.string().meta({
      description:
        'Google: the status class (`2xx`, `4xx`, `429`, `5xx`, `network`, `aborted`); Slack: `ok`, its error code, `rate_limited`, `http_<status>`, `network`.',
    }),
    lastOkAt: Instant,
    lastFailedAt: Instant,
  })
  .nullable()
  .meta({ description: 'Reported, never a reason for 503. null until this instance made a call.' });

const Checks = z.object({
  database: z.enum(['ok', 'unreachable']),
  jobs: z.object({
    status: z.enum(['ok', 'stalled', 'stopped', 'not_running']).meta({
      description:
        '`stalled`: no pass over the queue within `staleAfterSeconds` (503); `stopped`: shutting down (503); `not_running`: this process runs no job engine.',
    }),
    lastPassAt: Instant,
    staleAfterSeconds: z.number().nullable(),
  }),
  slack: LastCall,
  google: LastCall,
});

const Ready = z.object({ status: z.literal('ready'), checks: Checks });
const Unready = z.object({
  status: z.literal('unavailable'),
  reason: z.string().meta({ description: 'What is wrong, in words; never a secret.' }),
  checks: Checks,
});

const READY_EXAMPLE: z.infer<typeof Ready> = {
  status: 'ready',
  checks: {
    database: 'ok',
    jobs: { status: 'ok', lastPassAt: '2026-03-10T09:00:01.000Z', staleAfterSeconds: 60 },
    slack: {
      ok: true,
      at: '2026-03-10T09:00:00.500Z',
      result: 'ok',
      lastOkAt: '2026-03-10T09:00:00.500Z',
      lastFailedAt: null,
    },
    google: {
      ok: false,
      at: '2026-03-10T08:59:58.000Z',
      result: '5xx',
      lastOkAt: '2026-03-10T08:59:40.000Z',
      lastFailedAt: '2026-03-10T08:59:58.000Z',
    },
  },
};

export function healthRoutes(ctx: AppContext): Router {
  const router = express.Router();
  // Liveness: the process answers. No I/O, so a slow database never gets the pod killed.
  router.get('/health', (_req, res) => {
    res.json(Alive.parse({ status: 'ok' }));
  });
  // Readiness: the database answers and the job engine is not stuck; Slack and Google are reported.
  router.get('/ready', async (_req, res) => {
    const report = await readiness(ctx);
    if (report.status === 'ready') res.json(Ready.parse(report));
    else res.status(503).json(Unready.parse(report));
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
      description:
        "503 while the database does not answer or this instance's job engine is stalled or stopping, so a load balancer sends its traffic elsewhere. Whether the last Slack and Google calls succeeded is reported beside, never a reason for 503: every instance shares those upstreams, and one person's refused call says nothing about the instance.",
      responses: {
        '200': jsonResponse('Ready to serve.', Ready, READY_EXAMPLE),
        '503': jsonResponse('Not ready: the database does not answer, or the job engine is stuck.', Unready, {
          status: 'unavailable',
          reason: 'job engine stalled',
          checks: {
            ...READY_EXAMPLE.checks,
            jobs: { status: 'stalled', lastPassAt: '2026-03-10T08:57:30.000Z', staleAfterSeconds: 60 },
          },
        }),
      },
    },
  },
];
