import type { NextFunction, Request, Response } from 'express';
import type { AccessGrant, FakeGoogleState } from './state';

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/** Google's JSON error envelope, as every REST API returns it. */
export function googleError(
  res: Response,
  code: number,
  message: string,
  reason = 'badRequest',
  extra?: object,
) {
  res.status(code).json({
    error: {
      code,
      message,
      errors: [{ message, domain: 'global', reason }],
      status: STATUS_NAMES[code] ?? 'UNKNOWN',
      ...extra,
    },
  });
}

export interface AuthedLocals {
  grant: AccessGrant;
}

/** The grant behind this request's Bearer token (set by `requireScopes`). */
export const grantOf = (res: Response): AccessGrant => (res.locals as AuthedLocals).grant;

/**
 * Bearer-token check as Google does it: 401 for a missing/expired token, 403 with
 * ACCESS_TOKEN_SCOPE_INSUFFICIENT when the token lacks every one of `anyOf`.
 */
export function requireScopes(state: FakeGoogleState, anyOf: string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    const grant = state.accessTokens.get(token);
    if (!grant || grant.expiresAt <= Date.now()) {
      return googleError(
        res,
        401,
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
        'authError',
      );
    }
    if (anyOf.length > 0 && !anyOf.some((s) => grant.scopes.includes(s))) {
      return googleError(
        res,
        403,
        'Request had insufficient authentication scopes.',
        'insufficientPermissions',
        {
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
              domain: 'googleapis.com',
            },
          ],
        },
      );
    }
    (res.locals as AuthedLocals).grant = grant;
    next();
  };
}
