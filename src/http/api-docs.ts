import { randomBytes } from 'node:crypto';
import express, { type Router } from 'express';
import { z } from 'zod';
import type { oas31 } from 'zod-openapi';
import { ASSET_URLS, serveAssets } from './assets';
import { redocPage, swaggerPage } from './docs-pages';
import { jsonResponse, pageResponse, type RouteDoc } from './openapi/route-doc';
import { docsSecurityHeaders } from './security-headers';

/** /openapi.json, the two pages that show it, and the files those pages load. */
export function apiDocsRoutes(document: oas31.OpenAPIObject): Router {
  const router = express.Router();
  const json = JSON.stringify(document);
  router.get('/openapi.json', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.type('json').send(json);
  });
  router.get('/docs', (_req, res) => {
    docsSecurityHeaders(res, 'swagger');
    res.type('html').send(swaggerPage(ASSET_URLS));
  });
  router.get('/redoc', (_req, res) => {
    const nonce = randomBytes(16).toString('base64');
    docsSecurityHeaders(res, 'redoc', nonce);
    res.type('html').send(redocPage(ASSET_URLS, nonce));
  });
  router.use('/assets', serveAssets());
  return router;
}

const OpenApiDocument = z
  .looseObject({ openapi: z.literal('3.1.0'), info: z.looseObject({}), paths: z.looseObject({}) })
  .meta({ description: 'An OpenAPI 3.1 document.' });

export const apiDocsDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/openapi.json',
    operation: {
      operationId: 'openApiDocument',
      tags: ['Docs'],
      summary: 'This description',
      description: 'OpenAPI 3.1, generated from the zod schemas the routes validate with.',
      responses: {
        '200': jsonResponse('The document.', OpenApiDocument, {
          openapi: '3.1.0',
          info: { title: 'Lume', version: '1.0.0' },
          paths: {},
        }),
      },
    },
  },
  {
    method: 'get',
    path: '/docs',
    operation: {
      operationId: 'swaggerUi',
      tags: ['Docs'],
      summary: 'Interactive API docs (Swagger UI)',
      description: 'Every asset is served by Lume itself, under a Content-Security-Policy.',
      responses: { '200': pageResponse('Swagger UI over /openapi.json.') },
    },
  },
  {
    method: 'get',
    path: '/redoc',
    operation: {
      operationId: 'redoc',
      tags: ['Docs'],
      summary: 'API reference (ReDoc)',
      description: 'Every asset is served by Lume itself, under a Content-Security-Policy.',
      responses: { '200': pageResponse('ReDoc over /openapi.json.') },
    },
  },
];
