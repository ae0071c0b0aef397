import { HOUR_MS, MINUTE_MS } from '../time/duration';

/**
 * Calendar sync's numbers, defined once. CALENDAR_POLL_SECONDS (config) is the one the operator sets.
 */
export const CALENDAR_SYNC = {
  /** A full sync lists events that end after now minus this: yesterday's still count, older ones never will. */
  lookbackMs: 24 * HOUR_MS,
  /** Events per page (Google allows up to 2,500; 250 is its default). */
  pageSize: 250,
  /** A full sync reads at most this many pages (100,000 events); past it, no sync token is kept. */
  maxPages: 400,
  /** A burst of push notifications within this becomes one sync. */
  debounceMs: 2_000,
  /**
   * With a live push channel a person is still synced this often: Google documents that a few
   * notifications may be lost, so push alone is not trusted for ever.
   */
  pushSafetyNetMs: 30 * MINUTE_MS,
  /** How long Lume asks Google to keep a channel, and how long before its end a new one replaces it. */
  channelTtlMs: 24 * HOUR_MS,
  channelRenewBeforeMs: HOUR_MS,
  /** The poller's pass: how often, and how many people at most per pass. */
  pollEveryMs: 15_000,
  pollBatch: 2_500,
  /** First wait after a rate-limit answer without Retry-After; doubles per answer in a row, capped. */
  rateLimitBaseMs: 30_000,
  rateLimitMaxMs: 30 * MINUTE_MS,
} as const;

/**
 * Options for every Google call sync makes: googleapis' own retries are off (the job engine's retries
 * and snoozes are the backoff, and a rate limit must reach the job as such), and no call hangs a job.
 */
export const SYNC_CALL = { timeout: 30_000, retry: false } as const;
