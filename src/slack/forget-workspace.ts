import type { SlackDeps } from './deps';

/** Remove a workspace's Slack links and orphaned Google accounts (revoked at Google, forgotten through the link hooks). */
export async function forgetWorkspace(deps: SlackDeps, teamId: string, why: string): Promise<void> {
  const removed = await deps.ctx.accounts.removeWorkspace(teamId);
  deps.ctx.log.info({ teamId, why, ...removed }, 'workspace data removed');
}
