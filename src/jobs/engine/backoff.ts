export interface Backoff {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 10_000, maxMs: 60 * 60 * 1000 };

/**
 * Delay before the attempt after `attempt` failed: exponential (base × 2^(attempt−1), capped), with
 * "equal jitter": half fixed so retries never come back at once, half random so a burst of failures
 * (Slack or Google down for a minute) spreads out instead of returning together.
 */
export function retryDelay(attempt: number, backoff: Backoff, random: () => number): number {
  const exp = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}
