import type { AppContext } from '../context';
import { Sealer } from '../crypto/sealer';
import type { PurgeTask } from '../housekeeping';
import { PendingActions } from './confirm/pending-actions';
import { ConversationMemory } from './memory/memory-store';

/**
 * The agent's share of housekeeping (for startHousekeeping in the composition root): pending actions
 * a day past expiry, and conversation memory older than 30 days.
 */
export function agentPurgeTasks(ctx: AppContext): PurgeTask[] {
  const sealer = new Sealer(ctx.cipher);
  const actions = new PendingActions(ctx.db.models, sealer, ctx.now);
  const memory = new ConversationMemory(ctx.db.models, sealer, ctx.log, ctx.now);
  return [
    { name: 'pending_actions', run: () => actions.purgeStale() },
    { name: 'agent_messages', run: () => memory.purgeStale() },
  ];
}
