import type { WebClient } from '@slack/web-api';
import type { SlackDeps } from './deps';
import { slackUserInfo } from './user-info';

/**
 * Tell auth how to name a Slack user for the OAuth success page: the person's name (users.info,
 * cached) and the workspace's (auth.test, asked once). Auth never imports Slack; it calls this hook.
 */
export function describeSlackIdentities(deps: SlackDeps, client: WebClient): void {
  let teamName: Promise<string | undefined> | undefined;
  deps.ctx.hooks.describeSlackUsersWith(async ({ teamId, slackUserId }) => {
    teamName ??= client.auth.test().then(
      (r) => r.team,
      () => {
        teamName = undefined; // ask again next time
        return undefined;
      },
    );
    const [info, team] = await Promise.all([slackUserInfo(client, teamId, slackUserId), teamName]);
    return { userName: info.name, teamName: team };
  });
}
