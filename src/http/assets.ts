import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import type { AssetUrls } from './docs-pages';
import { LUME_MARK_FILE } from './lume-mark';

/*
 * Everything the docs pages load, served by Lume from node_modules (no CDN), under /assets/. Only
 * the files listed here are served. Read on first request, then kept in memory.
 */

const SWAGGER_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));
const SWAGGER_VERSION: string = require('swagger-ui-dist/package.json').version;
const REDOC_BUNDLE = require.resolve('redoc/bundles/redoc.standalone.js');
const REDOC_VERSION: string = require('redoc/package.json').version;

/**
 * ReDoc 2.5 draws its "API docs by Redocly" badge from cdn.redoc.ly on every page load (there is no
 * option to turn it off): a third-party request that tells Redocly who reads these docs, and a CSP
 * violation under img-src 'self'. The bundle is served with that one URL pointed at a blank image.
 */
const REDOCLY_BADGE = 'https://cdn.redoc.ly/redoc/logo-mini.svg';
const BLANK_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>';

const SWAGGER_INIT = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
`;

const REDOC_INIT = `(function () {
  var nonce = document.currentScript && document.currentScript.nonce;
  var fonts = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
  Redoc.init('/openapi.json', {
    nonce: nonce,
    expandResponses: '200',
    theme: {
      colors: { primary: { main: '#4f46e5' } },
      typography: { fontFamily: fonts, headings: { fontFamily: fonts } },
    },
  }, document.getElementById('redoc'));
})();
`;

const DOCS_CSS = `body{margin:0}
.lume-nav{display:flex;flex-wrap:wrap;align-items:center;gap:8px 24px;padding:10px 20px;border-bottom:1px solid #e3e1ea;background:#fff;font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.lume-home{display:flex;align-items:center;gap:10px;margin-right:auto;color:#1d1b22;font-weight:700;text-decoration:none}
.lume-nav nav{display:flex;flex-wrap:wrap;gap:4px 20px}
.lume-nav nav a{color:#3b32c4;font-weight:600;text-decoration:none}
.lume-nav nav a:hover,.lume-nav nav a[aria-current=page]{text-decoration:underline;text-underline-offset:4px}
.lume-noscript{max-width:40rem;margin:24px auto;padding:0 20px;font:16px/1.5 system-ui,sans-serif}
.swagger-ui .information-container{padding-top:8px}
`;

interface Asset {
  type: string;
  load: () => Buffer | string;
}

const fromSwagger = (file: string, type: string): Asset => ({
  type,
  load: () => readFileSync(join(SWAGGER_DIR, file)),
});

const ASSETS: Record<string, Asset> = {
  'lume.svg': { type: 'image/svg+xml', load: () => LUME_MARK_FILE },
  'swagger-ui/swagger-ui.css': fromSwagger('swagger-ui.css', 'text/css'),
  'swagger-ui/swagger-ui-bundle.js': fromSwagger('swagger-ui-bundle.js', 'text/javascript'),
  'redoc/redoc.standalone.js': {
    type: 'text/javascript',
    load: () => readFileSync(REDOC_BUNDLE, 'utf8').replaceAll(REDOCLY_BADGE, '/assets/redoc/badge.svg'),
  },
  'redoc/badge.svg': { type: 'image/svg+xml', load: () => BLANK_SVG },
  'docs/swagger-init.js': { type: 'text/javascript', load: () => SWAGGER_INIT },
  'docs/redoc-init.js': { type: 'text/javascript', load: () => REDOC_INIT },
  'docs/docs.css': { type: 'text/css', load: () => DOCS_CSS },
};

export const ASSET_URLS: AssetUrls = {
  swaggerCss: `/assets/swagger-ui/swagger-ui.css?v=${SWAGGER_VERSION}`,
  swaggerJs: `/assets/swagger-ui/swagger-ui-bundle.js?v=${SWAGGER_VERSION}`,
  redocJs: `/assets/redoc/redoc.standalone.js?v=${REDOC_VERSION}`,
  swaggerInit: '/assets/docs/swagger-init.js',
  redocInit: '/assets/docs/redoc-init.js',
  docsCss: '/assets/docs/docs.css',
};

/** Mounted at /assets: a middleware, not an API route, so /openapi.json does not list these files. */
export function serveAssets() {
  const loaded = new Map<string, Buffer>();
  return (req: Request, res: Response, next: NextFunction) => {
    const name = req.path.slice(1);
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!asset || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    let body = loaded.get(name);
    if (!body) {
      const raw = asset.load();
      body = typeof raw === 'string' ? Buffer.from(raw) : raw;
      loaded.set(name, body);
    }
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.type(asset.type).send(body);
  };
}
