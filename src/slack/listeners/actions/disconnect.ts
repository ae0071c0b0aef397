import { disconnectedMessage } from '../../blocks/connect';
import type { SlackDeps } from '../../deps';
import { publishHome } from '../../publish-home';
import type { ButtonArgs } from '../args';

/**
 * Disconnect (after Slack's confirm dialog), from the "Connected as …" DM or the App Home: as
 * `/lume disconnect`, then replace the message or republish the Home tab.
 */
export function disconnectClicked(deps: SlackDeps) {
  return async ({ ack, body, client, respond, context }: ButtonArgs): Promise<void> => {
    await ack();
    const teamId = context.teamId ?? body.team?.id ?? body.user.team_id ?? '';
    const userId = body.user.id;
    const gone = await deps.ctx.accounts.unlink({ teamId, slackUserId: userId }, { revoke: 'always' });
    if (body.container?.type === 'view') {
      await publishHome(deps, client, teamId, userId);
      return;
    }
    await respond({
      replace_original: true,
      ...disconnectedMessage(
        gone ?? { email: 'your Google account', hadAccess: false, revokedAtGoogle: false, forgotten: true },
      ),
    });
  };
}
