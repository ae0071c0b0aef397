/**
 * Per-call options for the agenda's Google reads. googleapis retries a failed GET three times with
 * growing delays (about two seconds in all); someone waiting on their day is better served by one
 * quick retry and a one-line note, so a struggling API cannot hold up the whole card.
 */
export const AGENDA_CALL = {
  timeout: 8000,
  retryConfig: { retry: 1, noResponseRetries: 1, retryDelay: 150 },
} as const;
