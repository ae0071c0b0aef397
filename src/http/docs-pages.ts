import { lumeMark } from './lume-mark';
import { DOCS_PAGES } from './page-text';
import { escapeHtml } from './pages';

/**
 * The two <style> elements ReDoc 2.5's standalone bundle adds while it loads, before it knows the
 * nonce: an empty one, then perfect-scrollbar's stylesheet. A ReDoc upgrade that changes them makes
 * the browser spec (test/browser/pages.spec.ts) fail with a CSP violation naming the new hash.
 */
export const REDOC_STYLE_SOURCES = [
  "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
  "'sha256-QMIg+bpjm3JdElJ388KYke01izlUW0UoNOeKjpMxdgc='",
];

export const DOCS_LINKS = { swagger: '/docs', redoc: '/redoc', spec: '/openapi.json' } as const;

/** Asset URLs carry the version of what they hold, so a browser cache never mixes two releases. */
export interface AssetUrls {
  swaggerCss: string;
  swaggerJs: string;
  swaggerInit: string;
  redocJs: string;
  redocInit: string;
  docsCss: string;
}

function shell(o: { title: string; current: keyof typeof DOCS_LINKS; head: string; body: string }): string {
  const nav = (['swagger', 'redoc', 'spec'] as const)
    .map(
      (k) =>
        `<a href="${DOCS_LINKS[k]}"${k === o.current ? ' aria-current="page"' : ''}>${escapeHtml(DOCS_PAGES.nav[k])}</a>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)}</title>
<link rel="icon" href="/assets/lume.svg" type="image/svg+xml">
${o.head}
</head>
<body>
<header class="lume-nav"><a class="lume-home" href="${DOCS_LINKS.swagger}">${lumeMark(28)}<span>${escapeHtml(o.title)}</span></a><nav aria-label="API documentation">${nav}</nav></header>
<noscript><p class="lume-noscript">${escapeHtml(DOCS_PAGES.noScript)}</p></noscript>
${o.body}
</body>
</html>`;
}

/** /docs: Swagger UI over /openapi.json. */
export function swaggerPage(a: AssetUrls): string {
  return shell({
    title: DOCS_PAGES.swaggerTitle,
    current: 'swagger',
    head: `<link rel="stylesheet" href="${a.swaggerCss}"><link rel="stylesheet" href="${a.docsCss}">`,
    body: `<main id="swagger-ui"></main>
<script src="${a.swaggerJs}"></script>
<script src="${a.swaggerInit}"></script>`,
  });
}

/** /redoc: ReDoc over /openapi.json; `nonce` reaches styled-components through the init script. */
export function redocPage(a: AssetUrls, nonce: string): string {
  return shell({
    title: DOCS_PAGES.redocTitle,
    current: 'redoc',
    head: `<link rel="stylesheet" href="${a.docsCss}">`,
    body: `<main id="redoc"></main>
<script src="${a.redocJs}"></script>
<script src="${a.redocInit}" nonce="${escapeHtml(nonce)}"></script>`,
  });
}
