import type { WebClient } from '@slack/web-api';
import { connectedMessage } from './blocks/connect';
import type { SlackDeps } from './deps';
import { publishHome } from './home';

/**
 * When a connect link completes (in the browser, outside Slack), DM the person "Connected as …" with
 * a Disconnect button, and refresh their App Home so it shows the account and the day.
 */
export function onAccountLinked(deps: SlackDeps, client: WebClient): void {
  deps.ctx.hooks.onAccountLinked(async ({ user, teamId, slackUserId }) => {
    deps.agenda.cache.forget(user.id);
    await client.chat.postMessage({ channel: slackUserId, ...connectedMessage(user.email) });
    await publishHome(deps, client, teamId, slackUserId).catch((err: unknown) =>
      deps.ctx.log.warn({ err, userId: user.id }, 'App Home refresh after linking failed'),
    );
  });
}
