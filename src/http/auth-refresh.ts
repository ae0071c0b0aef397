import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context';
import { GoogleAccountRevokedError, GoogleNotConnectedError } from '../google/errors';
import {
  errorBody,
  internalErrorResponse,
  jsonResponse,
  type RouteDoc,
  SESSION_SECURITY,
} from './openapi/route-doc';
import { withRequestId } from './request-log';
import { type SessionLocals, unauthenticatedResponse } from './require-session';

const RECONNECT =
  'Google access was revoked or has expired. Run /lume connect in Slack to reconnect your account.';

const Refreshed = z.object({
  expiresAt: z.iso.datetime().nullable().meta({ description: 'When the new Google access token expires.' }),
  scopes: z.array(z.string()).meta({ description: 'The Google scopes the grant carries.' }),
});
const NotConnected = errorBody(['not_connected', 'google_access_revoked']);
const GoogleUnavailable = errorBody(['google_unavailable']);

/** POST /auth/refresh: refresh the Google access token now; expiry and scopes only, never the token. */
export function authRefresh(ctx: AppContext) {
  return async (_req: Request, res: Response) => {
    const { user } = res.locals as SessionLocals;
    if (!ctx.accounts.isConnected(user)) {
      return res.status(409).json(NotConnected.parse({ error: 'not_connected', message: RECONNECT }));
    }
    try {
      const result = await ctx.accounts.refreshNow(user);
      res.json(
        Refreshed.parse({ expiresAt: result.expiresAt?.toISOString() ?? null, scopes: result.scopes }),
      );
    } catch (err) {
      if (err instanceof GoogleAccountRevokedError || err instanceof GoogleNotConnectedError) {
        return res
          .status(409)
          .json(NotConnected.parse({ error: 'google_access_revoked', message: RECONNECT }));
      }
      ctx.log.warn({ err: { name: (err as Error).name, message: (err as Error).message } }, 'refresh failed');
      res.status(502).json(
        GoogleUnavailable.parse({
          error: 'google_unavailable',
          message: 'Google did not answer; try again shortly.',
        }),
      );
    }
  };
}

export const authRefreshDoc: RouteDoc = {
  method: 'post',
  path: '/auth/refresh',
  operation: withRequestId({
    operationId: 'refreshGoogleAccess',
    tags: ['Session'],
    summary: 'Refresh the Google access token now',
    description: 'Asks Google for a fresh access token. Answers its expiry and scopes, never a token value.',
    security: SESSION_SECURITY,
    responses: {
      '200': jsonResponse('Refreshed.', Refreshed, {
        expiresAt: '2026-11-02T11:15:00.000Z',
        scopes: ['email', 'https://www.googleapis.com/auth/calendar'],
      }),
      '401': unauthenticatedResponse,
      '409': jsonResponse(
        'No Google grant to refresh: never connected, or Google revoked it.',
        NotConnected,
        {
          error: 'google_access_revoked',
          message: RECONNECT,
        },
      ),
      '500': internalErrorResponse,
      '502': jsonResponse('Google did not answer.', GoogleUnavailable, {
        error: 'google_unavailable',
        message: 'Google did not answer; try again shortly.',
      }),
    },
  }),
};
