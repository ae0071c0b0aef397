import {
  GoogleAccountRevokedError,
  GoogleNotConnectedError,
  isInsufficientScope,
  isInvalidGrant,
} from '../../google/errors';
import { areasOf, describeToolError } from '../../tools/errors';
import type { Tool } from '../../tools/types';
import { isAbort } from '../model/errors';

export { describeToolError, isInsufficientScope };

/** "Lume needs access to Calendar — run `/lume connect` to grant it", for a tool whose scopes are missing. */
export function needsAccessMessage(tool: Pick<Tool, 'scopes'>): string {
  const areas = areasOf(tool).join(' / ') || 'this part of your Google account';
  return `Lume needs access to ${areas} — run \`/lume connect\` to grant it.`;
}

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
