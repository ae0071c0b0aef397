import { agentPurgeTasks } from './agent/housekeeping';
import type { AppContext } from './context';
import type { PurgeTask } from './housekeeping';

export const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000;

/** Every table's purge of rows nobody can use any more; a new table with expiring rows adds one line. */
export function purgeTasks(ctx: AppContext): PurgeTask[] {
  return [
    { name: 'connect_links', run: () => ctx.links.purgeExpired() },
    { name: 'oauth_states', run: () => ctx.states.purgeExpired() },
    ...agentPurgeTasks(ctx),
  ];
}
