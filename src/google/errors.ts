import { ErrorCode, LumeError } from '../errors';

/** Thrown when Google refuses the refresh token: the user revoked Lume or the grant expired. */
export class GoogleAccountRevokedError extends LumeError {
  constructor(
    readonly userId: string,
    code: ErrorCode = ErrorCode.GoogleAccountRevoked,
    message = 'Google access was revoked; the user must reconnect',
  ) {
    super(code, message);
  }
}

/**
 * The stored tokens cannot be decrypted with any configured key (a key dropped before rotate-keys
 * finished, or a tampered row). To the person it is the same as a revoked grant — reconnect — so it
 * is one; unlike a revocation, the stored values are kept, so restoring the key brings them back.
 */
export class GoogleTokensUnreadableError extends GoogleAccountRevokedError {
  constructor(userId: string) {
    super(
      userId,
      ErrorCode.GoogleTokensUnreadable,
      'stored Google tokens cannot be decrypted; the user must reconnect',
    );
  }
}

/** Thrown when a user has no usable tokens (never connected, or disconnected). */
export class GoogleNotConnectedError extends LumeError {
  constructor(readonly userId: string) {
    super(ErrorCode.GoogleNotConnected, 'No Google account is connected');
  }
}

interface MaybeGaxios {
  message?: string;
  status?: number;
  response?: { status?: number; data?: unknown };
}

function errorData(err: unknown): Record<string, unknown> | undefined {
  const data = (err as MaybeGaxios | undefined)?.response?.data;
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
}

export function isInvalidGrant(err: unknown): boolean {
  if (err instanceof GoogleAccountRevokedError) return true;
  const data = errorData(err);
  return data?.error === 'invalid_grant' || (err as MaybeGaxios | undefined)?.message === 'invalid_grant';
}

/**
 * The person must connect again before Lume can act for them: Google refused the grant, or Lume holds
 * no usable tokens. The one test for "access is gone", wherever a failure is sorted.
 */
export function needsReconnect(err: unknown): boolean {
  return err instanceof GoogleNotConnectedError || isInvalidGrant(err);
}

export function httpStatusOf(err: unknown): number | undefined {
  const e = err as MaybeGaxios | undefined;
  return e?.response?.status ?? e?.status;
}

/** Google's 403 for a token that lacks a scope (ACCESS_TOKEN_SCOPE_INSUFFICIENT / insufficientPermissions). */
export function isInsufficientScope(err: unknown): boolean {
  if (httpStatusOf(err) !== 403) return false;
  const text = JSON.stringify(errorData(err) ?? {});
  return /insufficient.?(scope|permission)|ACCESS_TOKEN_SCOPE_INSUFFICIENT/i.test(text);
}
