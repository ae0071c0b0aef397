import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import type { User } from '../../models';
import { SESSION_COOKIE } from '../auth/sessions';
import type { AppContext } from '../context';
import { parseCookies } from './cookies';
import { errorBody, jsonResponse } from './openapi/route-doc';

export interface SessionLocals {
  user: User;
}

const Unauthenticated = errorBody(['unauthenticated', 'invalid_token']);

/** Bearer JWT or the session cookie; 401 with a JSON reason otherwise. */
export function requireSession(ctx: AppContext) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : parseCookies(req)[SESSION_COOKIE];
    if (!token) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="lume"');
      return res.status(401).json(
        Unauthenticated.parse({
          error: 'unauthenticated',
          message: 'Sign in first: a Bearer token or session cookie is required.',
        }),
      );
    }
    let userId: string;
    try {
      userId = ctx.sessions.verify(token);
    } catch {
      res.setHeader('WWW-Authenticate', 'Bearer realm="lume", error="invalid_token"');
      return res.status(401).json(
        Unauthenticated.parse({
          error: 'invalid_token',
          message: 'The session is invalid or has expired.',
        }),
      );
    }
    const user = await ctx.db.models.User.findByPk(userId);
    if (!user)
      return res
        .status(401)
        .json(Unauthenticated.parse({ error: 'invalid_token', message: 'This account no longer exists.' }));
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
