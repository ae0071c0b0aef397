import { agentPurgeTasks } from './agent/housekeeping';
import { reencryptAgentData } from './agent/rotate-keys';
import { rotateKeys } from './auth/rotate-keys';
import type { AppContext } from './context';
import type { PurgeTask } from './housekeeping';
import { reencryptJobPayloads } from './jobs/engine/rotate-keys';

export const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000;

/** Every table's purge of rows nobody can use any more; a new table with expiring rows adds one line. */
export function purgeTasks(ctx: AppContext): PurgeTask[] {
  return [
    { name: 'connect_links', run: () => ctx.links.purgeExpired() },
    { name: 'oauth_states', run: () => ctx.states.purgeExpired() },
    ...agentPurgeTasks(ctx),
  ];
}

export interface KeyRotationReport {
  users: number;
  oauthStates: number;
  agentRows: number;
  jobPayloads: number;
  /** Values no configured key opens; while this is above 0, keep the old keys configured. */
  unreadable: number;
}

/**
 * Re-encrypt everything stored encrypted with the current key (`npm run rotate-keys`). Every
 * encrypted column must be covered here, or dropping the old key loses it.
 */
export async function rotateAllKeys(ctx: AppContext): Promise<KeyRotationReport> {
  const auth = await rotateKeys(ctx.db, ctx.tokens, ctx.states);
  const agent = await reencryptAgentData(ctx.db.models, ctx.cipher);
  const jobs = await reencryptJobPayloads(ctx.db, ctx.cipher);
  return {
    ...auth,
    agentRows: agent.rewritten,
    jobPayloads: jobs.rewritten,
    unreadable: auth.unreadable + agent.unreadable + jobs.unreadable,
  };
}
