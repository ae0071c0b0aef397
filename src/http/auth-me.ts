import type { Request, Response } from 'express';
import type { AppContext } from '../context';
import type { SessionLocals } from './require-session';
import { userView } from './user-view';

/** GET /auth/me: who the session belongs to; never token values. */
export function authMe(ctx: AppContext) {
  return async (_req: Request, res: Response) => {
    const { user } = res.locals as SessionLocals;
    const identities = await ctx.db.models.SlackIdentity.findAll({ where: { userId: user.id } });
    res.json({ user: userView(user, identities) });
  };
}
