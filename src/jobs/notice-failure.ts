import { GoogleAccountRevokedError, needsReconnect } from '../google/errors';
import { DeliveryDeferred, DeliveryRefused } from '../notify/messenger';
import { JobDiscard, JobSnooze } from './engine/errors';

/**
 * What a failure of a proactive notice means to the engine: Slack's 429 waits its Retry-After
 * unpunished, a refusal or a revoked Google grant is never retried; anything else is retried.
 */
export function asJobFailure(err: unknown): unknown {
  if (err instanceof DeliveryDeferred) return new JobSnooze(err.retryAfterMs);
  if (err instanceof DeliveryRefused) return new JobDiscard(err.message);
  if (err instanceof GoogleAccountRevokedError || needsReconnect(err))
    return new JobDiscard('Google access revoked or not connected');
  return err;
}
