import { ErrorCode, LumeError } from '../errors';
import { needsReconnect } from '../google/errors';
import { MESSAGES } from '../messages';
import { isAbort, ModelError } from './model/errors';

export class TurnTimeoutError extends LumeError {
  constructor() {
    super(ErrorCode.TurnTimeout, 'agent turn timed out');
  }
}

export type TurnFailure = 'revoked' | 'busy' | 'timeout' | 'other';

/** Sort a turn's failure into what the person is told; the details stay in the log. */
export function classify(err: unknown, signal: AbortSignal): TurnFailure {
  if (signal.aborted && signal.reason instanceof TurnTimeoutError) return 'timeout';
  if (needsReconnect(err)) return 'revoked';
  if (err instanceof ModelError && err.retryable) return 'busy';
  if (isAbort(err)) return 'timeout';
  return 'other';
}

export const FAILURE_TEXT: Record<Exclude<TurnFailure, 'revoked'>, string> = {
  busy: MESSAGES.modelBusy,
  timeout: MESSAGES.timedOut,
  other: MESSAGES.apology,
};
