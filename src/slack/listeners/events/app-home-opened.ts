import { welcomeMessage } from '../../blocks/welcome';
import type { SlackDeps } from '../../deps';
import { publishHome } from '../../publish-home';
import type { EventArgs } from '../args';

/**
 * app_home_opened: the Home tab gets status and today's agenda (views.publish); the Messages tab gets
 * the welcome with suggested prompts, once — only while the conversation is still empty.
 */
export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, client, context, body }: EventArgs<'app_home_opened'>): Promise<void> => {
    const teamId = context.teamId ?? body.team_id;
    if (event.tab === 'home') {
      await publishHome(deps, client, teamId, event.user);
      return;
    }
    if (event.tab !== 'messages' || !event.channel) return;
    const history = await client.conversations.history({ channel: event.channel, limit: 1 });
    if (history.messages?.length) return;
    const account = await deps.ctx.accounts.accountOf(teamId, event.user);
    await client.chat.postMessage({
      channel: event.channel,
      ...welcomeMessage(account.kind === 'connected'),
    });
  };
}
