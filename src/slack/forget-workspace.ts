import type { SlackDeps } from './deps';

/** Remove a workspace's Slack links and orphaned Google accounts (revoked at Google), and their cached data. */
export async function forgetWorkspace(deps: SlackDeps, teamId: string, why: string): Promise<void> {
  const { ctx } = deps;
  const identities = await ctx.db.models.SlackIdentity.findAll({ where: { teamId }, attributes: ['userId'] });
  const removed = await ctx.accounts.removeWorkspace(teamId);
  for (const { userId } of identities) deps.agenda.cache.forget(userId);
  ctx.log.info({ teamId, why, ...removed }, 'workspace data removed');
}
