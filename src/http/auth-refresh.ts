import type { Request, Response } from 'express';
import type { AppContext } from '../context';
import { GoogleAccountRevokedError, GoogleNotConnectedError } from '../google/errors';
import type { SessionLocals } from './require-session';

const RECONNECT =
  'Google access was revoked or has expired. Run /lume connect in Slack to reconnect your account.';

/** POST /auth/refresh: refresh the Google access token now; expiry and scopes only, never the token. */
export function authRefresh(ctx: AppContext) {
  return async (_req: Request, res: Response) => {
    const { user } = res.locals as SessionLocals;
    if (!ctx.accounts.isConnected(user)) {
      return res.status(409).json({ error: 'not_connected', message: RECONNECT });
    }
    try {
      const result = await ctx.accounts.refreshNow(user);
      res.json({ expiresAt: result.expiresAt?.toISOString() ?? null, scopes: result.scopes });
    } catch (err) {
      if (err instanceof GoogleAccountRevokedError || err instanceof GoogleNotConnectedError) {
        return res.status(409).json({ error: 'google_access_revoked', message: RECONNECT });
      }
      ctx.log.warn({ err: { name: (err as Error).name, message: (err as Error).message } }, 'refresh failed');
      res
        .status(502)
        .json({ error: 'google_unavailable', message: 'Google did not answer; try again shortly.' });
    }
  };
}
