import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiResponseObject } from 'zod-openapi';

/**
 * One route's entry in /openapi.json. The file that handles a route exports its RouteDoc, built
 * from the same zod schemas the handler validates its input with and parses its answers through;
 * src/http/index.ts lists every RouteDoc next to where the route is mounted.
 */
export interface RouteDoc {
  method: 'get' | 'post';
  /** The path as clients call it, in OpenAPI form (`/things/{id}`). */
  path: string;
  operation: ZodOpenApiOperationObject;
}

/** Either credential opens a session route (the schemes are declared in document.ts). */
export const SESSION_SECURITY: Record<string, string[]>[] = [{ bearerAuth: [] }, { sessionCookie: [] }];

/** The JSON error body every Lume route answers with, narrowed to the codes one route can give. */
export const errorBody = <const C extends readonly [string, ...string[]]>(codes: C) =>
  z.object({
    error: z.enum(codes).meta({ description: 'Machine-readable reason.' }),
    message: z.string().optional().meta({ description: 'A sentence for people.' }),
  });

export function jsonResponse(
  description: string,
  schema: z.ZodType,
  example: unknown,
  headers?: ZodOpenApiResponseObject['headers'],
): ZodOpenApiResponseObject {
  return { description, headers, content: { 'application/json': { schema, example } } };
}

/** Routes a browser opens answer a page, or JSON when the client prefers `application/json`. */
export function pageOrJsonResponse(
  description: string,
  schema: z.ZodType,
  example: unknown,
  headers?: ZodOpenApiResponseObject['headers'],
): ZodOpenApiResponseObject {
  return {
    description,
    headers,
    content: {
      'text/html': { schema: z.string().meta({ description: 'A page for people.' }) },
      'application/json': { schema, example },
    },
  };
}

/** A page only (HTML shells of /docs and /redoc). */
export function pageResponse(description: string): ZodOpenApiResponseObject {
  return { description, content: { 'text/html': { schema: z.string() } } };
}

/** What an unexpected failure behind a route looks like: no detail, logged server-side. */
export const INTERNAL_ERROR = errorBody(['internal_error']);
export const internalErrorResponse = jsonResponse(
  'Something failed inside Lume; the details are in its log, never in the answer.',
  INTERNAL_ERROR,
  { error: 'internal_error', message: 'Something went wrong; try again.' },
);
