import type { Request, Response } from 'express';
import { z } from 'zod';
import { safeEqual, sha256Hex } from '../auth/secrets';
import type { AppContext } from '../context';
import { errorBody, jsonResponse, type RouteDoc } from './openapi/route-doc';

export const METRICS_PATH = '/metrics';

const Unauthorized = errorBody(['unauthorized']);
const UNAUTHORIZED = {
  error: 'unauthorized',
  message: 'This Lume requires Authorization: Bearer <METRICS_TOKEN> for /metrics.',
} as const;

/** Whether `header` is `Bearer <token>`, compared in constant time (digests, so no length leaks either). */
function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header ?? '');
  return !!match && safeEqual(sha256Hex(match[1]), sha256Hex(token));
}

/**
 * Prometheus text exposition of ctx.metrics' registry: Lume's own `lume_*` series and, in
 * production, the process's. With METRICS_TOKEN set, only `Authorization: Bearer <token>` opens it.
 */
export function metricsRoute(ctx: AppContext) {
  return async (req: Request, res: Response) => {
    const token = ctx.config.metricsToken;
    if (token && !bearerMatches(req.headers.authorization, token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="lume-metrics"');
      res.status(401).json(Unauthorized.parse(UNAUTHORIZED));
      return;
    }
    const { registry } = ctx.metrics;
    const body = await registry.metrics();
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', registry.contentType);
    res.send(body);
  };
}

const EXAMPLE = `# HELP lume_agent_turns_total Agent turns (questions to Lume), by how they ended.
# TYPE lume_agent_turns_total counter
lume_agent_turns_total{outcome="answered"} 42
`;

export const metricsDoc: RouteDoc = {
  method: 'get',
  path: METRICS_PATH,
  operation: {
    operationId: 'metrics',
    tags: ['Operations'],
    summary: 'Prometheus metrics',
    description:
      'Prometheus text format (0.0.4): agent turns and their duration, tool calls, confirmations, Google and Slack API calls, job lag and failures, notifications sent, HTTP requests by route, and the process. No label carries a person’s id, address or text. When METRICS_TOKEN is set, `Authorization: Bearer <METRICS_TOKEN>` is required.',
    security: [{ metricsToken: [] }, {}],
    responses: {
      '200': {
        description: 'The metrics.',
        content: {
          'text/plain': {
            schema: z.string().meta({ description: 'Prometheus text exposition format 0.0.4.' }),
            example: EXAMPLE,
          },
        },
      },
      '401': jsonResponse(
        'METRICS_TOKEN is set and the request did not carry it as a Bearer token.',
        Unauthorized,
        UNAUTHORIZED,
        z.object({ 'WWW-Authenticate': z.string().meta({ example: 'Bearer realm="lume-metrics"' }) }),
      ),
    },
  },
};
