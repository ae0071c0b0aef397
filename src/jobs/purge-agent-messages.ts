import { ConversationMemory } from '../agent/memory/memory-store';
import { Sealer } from '../crypto/sealer';
import { HOUR_MS } from '../time/duration';
import type { RecurringJob } from './types';

/** Conversation memory nobody touched for 30 days. */
export const purgeAgentMessages: RecurringJob = {
  name: 'purge-agent-messages',
  everyMs: HOUR_MS,
  run: (ctx) => new ConversationMemory(ctx.db.models, new Sealer(ctx.cipher), ctx.log, ctx.now).purgeStale(),
};
