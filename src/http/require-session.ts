import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import type { User } from '../../models';
import { SESSION_COOKIE, type SessionClaims } from '../auth/sessions';
import type { AppContext } from '../context';
import { parseCookies } from './cookies';
import { errorBody, jsonResponse } from './openapi/route-doc';
import { crossSiteReason } from './same-origin';

export interface SessionLocals {
  user: User;
}

const Unauthenticated = errorBody(['unauthenticated', 'invalid_token']);
const CrossSite = errorBody(['cross_site_request']);

const invalid = (res: Response, message: string) => {
  res.setHeader('WWW-Authenticate', 'Bearer realm="lume", error="invalid_token"');
  return res.status(401).json(Unauthenticated.parse({ error: 'invalid_token', message }));
};

/**
 * Bearer JWT or the session cookie; 401 with a JSON reason otherwise. Checked on every request: the
 * signature and hour, the account, and its session generation (a disconnect ends every session at
 * once). A cookie-carried POST must also come from Lume's own origin (403 otherwise).
 */
export function requireSession(ctx: AppContext) {
  const publicOrigin = new URL(ctx.config.publicUrl).origin;
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? '';
    const bearer = header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const token = bearer ?? parseCookies(req)[SESSION_COOKIE];
    if (!token) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="lume"');
      return res.status(401).json(
        Unauthenticated.parse({
          error: 'unauthenticated',
          message: 'Sign in first: a Bearer token or session cookie is required.',
        }),
      );
    }
    if (bearer === undefined) {
      const reason = crossSiteReason(req, publicOrigin);
      if (reason) {
        ctx.log.warn({ path: req.path, reason }, 'cross-site request with the session cookie refused');
        return res.status(403).json(
          CrossSite.parse({
            error: 'cross_site_request',
            message: 'This request did not come from Lume itself. API clients send a Bearer token.',
          }),
        );
      }
    }
    let claims: SessionClaims;
    try {
      claims = ctx.sessions.verify(token);
    } catch {
      return invalid(res, 'The session is invalid or has expired.');
    }
    const user = await ctx.db.models.User.findByPk(claims.userId);
    // Disconnecting forgets an account nobody else uses: its row is gone, and with it every session.
    if (!user) return invalid(res, 'This session was ended (the account was disconnected); sign in again.');
    if (user.sessionGeneration !== claims.generation)
      return invalid(res, 'This session was ended (the account was disconnected); sign in again.');
    (res.locals as SessionLocals).user = user;
    next();
  };
}

/** The 401 of every route behind requireSession, for its RouteDoc. */
export const unauthenticatedResponse = jsonResponse(
  'No session, or one that is invalid, expired or for an account that no longer exists.',
  Unauthenticated,
  { error: 'invalid_token', message: 'The session is invalid or has expired.' },
  z.object({
    'WWW-Authenticate': z.string().optional().meta({ example: 'Bearer realm="lume", error="invalid_token"' }),
  }),
);
