import { httpStatusOf, isInsufficientScope, needsReconnect } from '../google/errors';
import { isTransientGoogleError, retryAfterMs } from '../google/retry';

/** How calendar sync treats a failed Google call. */
export type GoogleFailure =
  | { kind: 'revoked' }
  | { kind: 'rate-limited'; retryAfterMs?: number }
  | { kind: 'no-scope' }
  | { kind: 'other' };

/**
 * invalid_grant (the client factory already marked the account revoked), no usable tokens, or a 401
 * that survived the library's forced refresh: access is gone. 429 and the usage-limit 403s
 * (rateLimitExceeded, userRateLimitExceeded): wait and try again, unpunished. A missing calendar
 * scope will not fix itself. Anything else is an ordinary failure for the job's retries.
 */
export function sortGoogleFailure(err: unknown): GoogleFailure {
  const status = httpStatusOf(err);
  if (needsReconnect(err) || status === 401) return { kind: 'revoked' };
  if (status === 429 || (status === 403 && isTransientGoogleError(err)))
    return { kind: 'rate-limited', retryAfterMs: retryAfterMs(err) };
  if (isInsufficientScope(err)) return { kind: 'no-scope' };
  return { kind: 'other' };
}
