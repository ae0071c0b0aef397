import { ErrorCode } from '@slack/web-api';

/** The wait a Slack 429 asked for (Retry-After, in ms) when `err` is one; undefined for anything else. */
export function rateLimitedFor(err: unknown): number | undefined {
  const e = err as { code?: string; retryAfter?: number };
  if (e?.code !== ErrorCode.RateLimitedError) return undefined;
  return Math.max(1, e.retryAfter ?? 1) * 1000;
}
