import type { NextFunction, Request, Response } from 'express';
import type { User } from '../../models';
import { SESSION_COOKIE } from '../auth/sessions';
import type { AppContext } from '../context';
import { parseCookies } from './cookies';

export interface SessionLocals {
  user: User;
}

/** Bearer JWT or the session cookie; 401 with a JSON reason otherwise. */
export function requireSession(ctx: AppContext) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : parseCookies(req)[SESSION_COOKIE];
    if (!token) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="lume"');
      return res.status(401).json({
        error: 'unauthenticated',
        message: 'Sign in first: a Bearer token or session cookie is required.',
      });
    }
    let userId: string;
    try {
      userId = ctx.sessions.verify(token);
    } catch {
      res.setHeader('WWW-Authenticate', 'Bearer realm="lume", error="invalid_token"');
      return res
        .status(401)
        .json({ error: 'invalid_token', message: 'The session is invalid or has expired.' });
    }
    const user = await ctx.db.models.User.findByPk(userId);
    if (!user)
      return res.status(401).json({ error: 'invalid_token', message: 'This account no longer exists.' });
    (res.locals as SessionLocals).user = user;
    next();
  };
}
