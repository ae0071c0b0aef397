import type { Request } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Why a cookie-authenticated request that changes something looks cross-site, or null when it is
 * fine. Browsers attach cookies to requests other sites make, and SameSite=Lax does not stop a
 * sibling subdomain or another port on the same host (those are "same-site"). What browsers say
 * about where a request comes from — `Sec-Fetch-Site`, else `Origin` — cannot be set by a page, so it
 * decides. A request with neither is refused too: every current browser sends one of them on a POST,
 * and clients that are not browsers use a Bearer token, which no other site can attach.
 */
export function crossSiteReason(req: Request, publicOrigin: string): string | null {
  if (SAFE_METHODS.has(req.method)) return null;
  const site = req.get('sec-fetch-site');
  if (site) return site === 'same-origin' || site === 'none' ? null : `Sec-Fetch-Site is ${site}`;
  const origin = req.get('origin');
  if (!origin) return 'neither Sec-Fetch-Site nor Origin was sent';
  return origin === publicOrigin ? null : `Origin ${origin} is not ${publicOrigin}`;
}
