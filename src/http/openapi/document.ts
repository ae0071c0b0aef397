import { createDocument, type oas31, type ZodOpenApiPathsObject } from 'zod-openapi';
import { SESSION_COOKIE } from '../../auth/sessions';
import type { RouteDoc } from './route-doc';

/** The version of the HTTP API described here; bump the major when a route changes incompatibly. */
export const API_VERSION = '1.0.0';

const DESCRIPTION = `Lume is an AI productivity agent in Slack over Gmail, Calendar, Tasks, Keep and Maps.
This is its HTTP surface: Slack's requests, the Google sign-in a person opens from \`/lume connect\`,
the session API, health and metrics. Generated at start-up from the zod schemas the routes validate their
input with and parse their answers through.

Sessions: the OAuth callback answers a JWT (HS256, one hour) and sets the same value as the HttpOnly
\`${SESSION_COOKIE}\` cookie; send it as \`Authorization: Bearer …\` or let the browser send the cookie.
No answer ever carries a Google token.`;

const TAGS = [
  { name: 'Slack', description: "Slack's requests to Lume." },
  { name: 'Google sign-in', description: 'The OAuth pages a person opens in a browser.' },
  { name: 'Session', description: 'The signed-in person, by session JWT or cookie.' },
  { name: 'Google', description: "Google's requests to Lume (Calendar push notifications)." },
  { name: 'Operations', description: 'Liveness and readiness for load balancers; metrics for Prometheus.' },
  { name: 'Docs', description: 'This description, and the pages that show it.' },
];

/** Build /openapi.json from the RouteDoc of every mounted route. Throws on a path documented twice. */
export function openApiDocument(routes: RouteDoc[], publicUrl: string): oas31.OpenAPIObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const { method, path, operation } of routes) {
    paths[path] ??= {};
    const item = paths[path];
    if (item[method]) throw new Error(`${method.toUpperCase()} ${path} is documented twice`);
    item[method] = operation;
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Lume',
      version: API_VERSION,
      description: DESCRIPTION,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: publicUrl, description: 'This Lume (PUBLIC_URL)' }],
    tags: TAGS,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'The session JWT the OAuth callback answers (HS256, one hour).',
        },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'The same JWT, as the HttpOnly cookie the OAuth callback sets.',
        },
        metricsToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'METRICS_TOKEN, when it is set (then /metrics requires it).',
        },
        slackSignature: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Slack-Signature',
          description:
            '`v0=` HMAC-SHA256 of `v0:{X-Slack-Request-Timestamp}:{raw body}` with the signing secret; the timestamp must be within five minutes.',
        },
      },
    },
    paths,
  });
}
