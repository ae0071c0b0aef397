import { scrubText } from '../../log';

/**
 * Thrown by a handler that cannot run yet for a reason that is not a failure (Slack's 429 with
 * Retry-After, a person's rate limit): the job runs again after `delayMs` and the attempt is not counted.
 */
export class JobSnooze extends Error {
  constructor(readonly delayMs: number) {
    super(`snoozed for ${delayMs} ms`);
    this.name = 'JobSnooze';
  }
}

/** Thrown by a handler when retrying cannot help (access revoked, the thing is gone): the job is dead now. */
export class JobDiscard extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'JobDiscard';
  }
}

const MAX_ERROR = 500;

/** The last_error column: the error's name and message, scrubbed of tokens and URL queries, bounded. */
export function errorSummary(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return scrubText(text).slice(0, MAX_ERROR);
}
