import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context';
import { internalErrorResponse, jsonResponse, type RouteDoc, SESSION_SECURITY } from './openapi/route-doc';
import { withRequestId } from './request-log';
import { type SessionLocals, unauthenticatedResponse } from './require-session';
import { USER_EXAMPLE, UserView, userView } from './user-view';

const Me = z.object({ user: UserView });

/** GET /auth/me: who the session belongs to; never token values. */
export function authMe(ctx: AppContext) {
  return async (_req: Request, res: Response) => {
    const { user } = res.locals as SessionLocals;
    const identities = await ctx.db.models.SlackIdentity.findAll({ where: { userId: user.id } });
    res.json(Me.parse({ user: userView(user, identities) }));
  };
}

export const authMeDoc: RouteDoc = {
  method: 'get',
  path: '/auth/me',
  operation: withRequestId({
    operationId: 'getMe',
    tags: ['Session'],
    summary: 'The signed-in person',
    description: 'Profile, Slack links, granted Google scopes and status. Never a token value.',
    security: SESSION_SECURITY,
    responses: {
      '200': jsonResponse('The person the session belongs to.', Me, { user: USER_EXAMPLE }),
      '401': unauthenticatedResponse,
      '500': internalErrorResponse,
    },
  }),
};
