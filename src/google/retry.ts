import { sleep } from '../time/sleep';
import { httpStatusOf } from './errors';

/** How a retry waits; tests pass one that records the waits instead of sleeping. */
export interface RetryClock {
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** In [0, 1). */
  random(): number;
}

export const realRetryClock: RetryClock = { random: Math.random, sleep };

export interface GoogleRetryPolicy {
  /** Including the first call. */
  attempts: number;
  /** Ceiling of the first wait; each later one doubles it. */
  baseDelayMs: number;
  /** Sum of every wait for one call: a read that needs longer is treated as Google being down. */
  maxTotalWaitMs: number;
}

/**
 * Reads someone is waiting on (the agenda): two transient failures in a row are survived, waiting
 * 200–400 ms then 400–800 ms, never more than 1.5 s in all.
 */
export const GOOGLE_READ_RETRY: GoogleRetryPolicy = { attempts: 3, baseDelayMs: 400, maxTotalWaitMs: 1500 };

/** Google's "slow down" 403s (Calendar and Gmail usage limits), documented as retry-with-backoff. */
const RATE_LIMIT_REASONS = /"reason"\s*:\s*"(rateLimitExceeded|userRateLimitExceeded)"/;
/** Connection-level failures before any answer: the request may be sent again. */
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'ETIMEDOUT']);

interface MaybeGaxios {
  code?: unknown;
  response?: { data?: unknown; headers?: unknown };
}

/**
 * 429, 500, 502, 503, 504, a rate-limit 403, or a dropped connection. Never a 4xx that is our (or the
 * person's) problem, and never a timeout or abort: the call already used its time.
 */
export function isTransientGoogleError(err: unknown): boolean {
  const status = httpStatusOf(err);
  if (status !== undefined) {
    if ([429, 500, 502, 503, 504].includes(status)) return true;
    return (
      status === 403 && RATE_LIMIT_REASONS.test(JSON.stringify((err as MaybeGaxios).response?.data ?? {}))
    );
  }
  const code = (err as MaybeGaxios | undefined)?.code;
  return typeof code === 'string' && NETWORK_CODES.has(code);
}

/** A `Retry-After` in seconds on Google's answer, in ms (gaxios hands over a fetch Headers object). */
export function retryAfterMs(err: unknown): number | undefined {
  const headers = (err as MaybeGaxios | undefined)?.response?.headers as
    | { get?: (name: string) => string | null }
    | undefined;
  const value = typeof headers?.get === 'function' ? headers.get('retry-after') : undefined;
  const seconds = Number(value);
  return value !== null && value !== undefined && Number.isFinite(seconds) && seconds >= 0
    ? seconds * 1000
    : undefined;
}

export interface RetryOptions {
  policy?: GoogleRetryPolicy;
  clock?: RetryClock;
  signal?: AbortSignal;
  onRetry?: (info: { attempt: number; delayMs: number; err: unknown }) => void;
}

/**
 * Run a Google read, again after a transient failure, with exponential backoff and "equal jitter"
 * (half the ceiling fixed, half random): a blip gets a real pause, and a burst of people hitting the
 * same limit spreads out. Gives up — rethrowing the last error — when the attempts are used or the
 * next wait (Google's own Retry-After included) would pass the total cap.
 */
export async function retryTransient<T>(fn: () => Promise<T>, o: RetryOptions = {}): Promise<T> {
  const policy = o.policy ?? GOOGLE_READ_RETRY;
  const clock = o.clock ?? realRetryClock;
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= policy.attempts || !isTransientGoogleError(err) || o.signal?.aborted) throw err;
      const ceiling = policy.baseDelayMs * 2 ** (attempt - 1);
      const jittered = Math.floor(ceiling / 2 + (clock.random() * ceiling) / 2);
      const delayMs = Math.max(retryAfterMs(err) ?? 0, jittered);
      if (waited + delayMs > policy.maxTotalWaitMs) throw err;
      o.onRetry?.({ attempt, delayMs, err });
      await clock.sleep(delayMs, o.signal);
      waited += delayMs;
    }
  }
}
