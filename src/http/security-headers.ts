import type { NextFunction, Request, Response } from 'express';
import { REDOC_STYLE_SOURCES } from './docs-pages';
import { PAGE_STYLE_SOURCE } from './pages';

/** Auth responses carry secrets (state, codes, sessions): never cache them, never leak them in Referer. */
export function authSecurityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Pragma', 'no-cache');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // The pages run no script; their one stylesheet is allowed by its hash, the favicon by 'self'.
  res.setHeader(
    'Content-Security-Policy',
    `default-src 'none'; style-src ${PAGE_STYLE_SOURCE}; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  );
  next();
}

/**
 * /docs and /redoc: every script, style and image from Lume itself, the document fetched from the
 * same origin, no 'unsafe-eval', no inline script. Swagger UI draws its icons as data: images.
 * ReDoc injects its styles at run time: styled-components tags them with this response's nonce, and
 * the two <style> elements its bundle adds before that are allowed by hash (REDOC_STYLE_SOURCES);
 * its search index runs in a Worker made from a blob: URL.
 */
export function docsSecurityHeaders(res: Response, page: 'swagger' | 'redoc', nonce?: string): void {
  const style =
    page === 'swagger'
      ? "style-src 'self'"
      : `style-src 'self' 'nonce-${nonce}' ${REDOC_STYLE_SOURCES.join(' ')}`;
  const policy = [
    "default-src 'none'",
    "script-src 'self'",
    style,
    "img-src 'self' data:",
    "connect-src 'self'",
    ...(page === 'redoc' ? ['worker-src blob:'] : []),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  res.setHeader('Content-Security-Policy', policy);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-cache');
}
