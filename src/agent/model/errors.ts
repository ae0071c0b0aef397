import { ApiError } from '@google/genai';
import { ErrorCode, LumeError } from '../../errors';

/** Gemini could not answer this turn; `retryable` says whether waiting a minute may help. */
export class ModelError extends LumeError {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(ErrorCode.ModelUnavailable, message, options);
  }
}

/** Google documents these as transient for the Gemini API; 400/403/404 are our mistake and never retried. */
const RETRYABLE_STATUSES = new Set([429, 500, 503, 504]);

export function statusOf(err: unknown): number | undefined {
  return err instanceof ApiError ? err.status : undefined;
}

export function isAbort(err: unknown): boolean {
  return err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError');
}

/** A status we may retry, or a network failure before any HTTP status (fetch's TypeError). */
export function isRetryable(err: unknown): boolean {
  if (isAbort(err)) return false;
  const status = statusOf(err);
  if (status !== undefined) return RETRYABLE_STATUSES.has(status);
  return err instanceof TypeError;
}

/**
 * The server's own hint (google.rpc.RetryInfo "retryDelay": "37s") inside a 429 body. ApiError carries
 * the body as its message; when the hint exceeds our budget there is no point in waiting at all.
 */
export function retryDelayHintMs(err: unknown): number | undefined {
  if (!(err instanceof ApiError)) return undefined;
  const m = /"retryDelay"\s*:\s*"(\d+(?:\.\d+)?)s"/.exec(err.message);
  return m ? Math.round(Number(m[1]) * 1000) : undefined;
}

export function toModelError(err: unknown): ModelError {
  if (err instanceof ModelError) return err;
  const status = statusOf(err);
  const reason = err instanceof Error ? err.message : String(err);
  return new ModelError(`Gemini request failed: ${reason}`, status, isRetryable(err), { cause: err });
}
