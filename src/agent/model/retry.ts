import { sleep } from '../../time/sleep';
import { isRetryable, retryDelayHintMs, toModelError } from './errors';

export interface RetryPolicy {
  /** Including the first call. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Sum of every wait in one call: past it we give up and tell the user to try again shortly. */
  maxTotalWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 4000,
  maxTotalWaitMs: 10_000,
};

export interface RetryClock {
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** In [0, 1); injected so tests can check the backoff without waiting or guessing. */
  random(): number;
}

export const realClock: RetryClock = { random: Math.random, sleep };

/**
 * Retry `fn` on 429/500/503/504 and network failures with exponential backoff and full jitter
 * (spreads a burst of users hitting one rate limit). Gives up when the total wait would pass the cap,
 * or when the server's own retry hint is longer than what is left of it.
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  clock: RetryClock,
  signal?: AbortSignal,
  onRetry?: (info: { attempt: number; delayMs: number; err: unknown }) => void,
): Promise<T> {
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (!isRetryable(err) || attempt >= policy.maxAttempts || signal?.aborted) throw toModelError(err);
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const hint = retryDelayHintMs(err);
      const delayMs = Math.max(hint ?? 0, Math.floor(clock.random() * ceiling));
      if (waited + delayMs > policy.maxTotalWaitMs) throw toModelError(err);
      onRetry?.({ attempt, delayMs, err });
      await clock.sleep(delayMs, signal);
      waited += delayMs;
    }
  }
}
