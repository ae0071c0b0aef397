import type { Models } from '../../models';
import type { LinkHooks } from '../auth/link-hooks';
import type { Sealer } from '../crypto/sealer';
import type { Logger } from '../log';
import { PendingActions } from './confirm/pending-actions';
import { ConversationMemory } from './memory/memory-store';

/**
 * What the agent keeps about a person — conversation memory and cards waiting for a click — goes when
 * they leave: one Slack identity's cards and that workspace's memory when it is unlinked, everything of
 * the account when it is forgotten. Subscribed where the context is built, so it holds whether or not
 * an agent runs in the process.
 */
export function forgetAgentData(
  hooks: LinkHooks,
  d: { models: Models; sealer: Sealer; log: Logger; now: () => Date },
): void {
  const actions = new PendingActions(d.models, d.sealer, d.now);
  const memory = new ConversationMemory(d.models, d.sealer, d.log, d.now);
  hooks.onIdentityUnlinked(async ({ userId, teamId, slackUserId }) => {
    await actions.forget(userId, { teamId, slackUserId });
    await memory.forget(userId, teamId);
  });
  hooks.onAccountForgotten(async ({ userId }) => {
    await actions.forget(userId);
    await memory.forget(userId);
  });
}
