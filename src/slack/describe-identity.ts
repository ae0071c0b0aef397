import type { SlackDeps } from './deps';

/**
 * Tell auth how to name a Slack user for the OAuth success page: the person's name (users.info,
 * cached) and the workspace's (from the start-up auth.test). Auth never imports Slack; it calls this.
 */
export function describeSlackIdentities(deps: SlackDeps, teamName?: string): void {
  deps.ctx.hooks.describeSlackUsersWith(async ({ teamId, slackUserId }) => {
    const info = await deps.users.info(teamId, slackUserId);
    return { userName: info.name, teamName };
  });
}
