import type { WebClient } from '@slack/web-api';
import { connectedMessage } from './blocks/connect';
import type { SlackDeps } from './deps';
import { publishHome } from './publish-home';
import { settingsScene } from './settings-scene';

/**
 * Slack's side of auth's link hooks (auth never imports Slack). When a connect link completes in the
 * browser: DM the person "Connected as …" with a Disconnect button and the daily briefing offered
 * with one click (or, when they have one, the briefing as it stands), and refresh their App Home. When
 * someone leaves: drop their cached agenda. For
 * the OAuth success page: name the Slack person (users.info, cached) and workspace (from the start-up
 * auth.test) the account now serves.
 */
export function answerLinkHooks(deps: SlackDeps, client: WebClient, teamName?: string): void {
  deps.ctx.hooks.onAccountLinked(async ({ user, teamId, slackUserId }) => {
    deps.agenda.cache.forget(user.id);
    const person = { teamId, slackUserId };
    const [{ briefing }, scene] = await Promise.all([
      deps.ctx.settings.get(person),
      settingsScene(deps, person),
    ]);
    await client.chat.postMessage({
      channel: slackUserId,
      ...connectedMessage(user.email, { owner: slackUserId, briefing, scene }),
    });
    await publishHome(deps, client, teamId, slackUserId).catch((err: unknown) =>
      deps.ctx.log.warn({ err, userId: user.id }, 'App Home refresh after linking failed'),
    );
  });
  // The agenda cache holds a person's day for a minute: it goes with them.
  deps.ctx.hooks.onIdentityUnlinked(({ userId }) => deps.agenda.cache.forget(userId));
  deps.ctx.hooks.onAccountForgotten(({ userId }) => deps.agenda.cache.forget(userId));
  deps.ctx.hooks.describeSlackUsersWith(async ({ teamId, slackUserId }) => {
    const info = await deps.users.info(teamId, slackUserId);
    return { userName: info.name, teamName };
  });
}
