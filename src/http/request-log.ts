import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pinoHttp from 'pino-http';
import { z } from 'zod';
import type { ZodOpenApiOperationObject } from 'zod-openapi';
import { type Logger, pathOnly, serializeError } from '../log';

/** A caller's own request id is kept when it is short and plain; anything else gets a fresh UUID. */
const RequestId = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,64}$/)
  .meta({ description: 'Echoed back; a fresh UUID when absent or not plain.', example: 'req-7f3a9c' });

/** One log line and one request id per HTTP request; query strings (OAuth codes, states) never logged. */
export function requestLog(log: Logger) {
  return pinoHttp({
    logger: log,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = RequestId.safeParse(req.headers['x-request-id']);
      const id = given.success ? given.data : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: pathOnly(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      // pino-http replaces the logger's err serializer with pino's own, which keeps request configs.
      err: serializeError,
    },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
  });
}

const ResponseRequestId = z.object({
  'X-Request-Id': z.string().meta({ description: "This request's id in Lume's log." }),
});

/** What requestLog adds to an operation it sits in front of: the X-Request-Id header both ways. */
export function withRequestId(operation: ZodOpenApiOperationObject): ZodOpenApiOperationObject {
  const responses = Object.fromEntries(
    Object.entries(operation.responses).map(([status, r]) => {
      if (!r || '$ref' in r) return [status, r];
      const own = r.headers instanceof z.ZodObject ? r.headers.shape : {};
      return [status, { ...r, headers: z.object({ ...own, ...ResponseRequestId.shape }) }];
    }),
  );
  return {
    ...operation,
    requestParams: { ...operation.requestParams, header: z.object({ 'X-Request-Id': RequestId.optional() }) },
    responses,
  };
}
