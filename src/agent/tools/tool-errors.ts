import {
  GoogleAccountRevokedError,
  GoogleNotConnectedError,
  isInsufficientScope,
  isInvalidGrant,
} from '../../google/errors';
import { describeToolError, needsAccessMessage } from '../../tools/errors';
import { isAbort } from '../model/errors';

export { describeToolError, isInsufficientScope, needsAccessMessage };

/**
 * Failures that end the whole turn instead of being handed to the model: the Google grant is gone
 * (the person must reconnect; the factory already marked the account revoked) or the turn's deadline
 * passed.
 */
export function isFatalToolError(err: unknown): boolean {
  return (
    err instanceof GoogleAccountRevokedError ||
    err instanceof GoogleNotConnectedError ||
    isInvalidGrant(err) ||
    isAbort(err)
  );
}
