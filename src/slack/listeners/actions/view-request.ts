import { requestModal } from '../../blocks/request-modal';
import type { SlackDeps } from '../../deps';
import type { ButtonArgs } from '../args';

/**
 * "View everything" on a card, and ‹ / › in its modal: the whole request, for the person it was made
 * for (anyone else clicking a card in a shared thread is told so, and sees nothing more than the card).
 */
export function viewRequestClicked(deps: SlackDeps) {
  return async ({ ack, body, action, client, context }: ButtonArgs): Promise<void> => {
    await ack();
    const value = 'value' in action && typeof action.value === 'string' ? action.value : '';
    const [actionId = '', page = '0'] = value.split(':');
    const teamId = context.teamId ?? body.team?.id ?? body.user.team_id ?? '';
    const preview = await deps.agent.request({ actionId, teamId, slackUserId: body.user.id });
    const channel = body.channel?.id ?? body.container?.channel_id;
    if (!preview) {
      if (channel)
        await client.chat.postEphemeral({
          channel,
          user: body.user.id,
          text: 'Only the person who asked can open this request (or it no longer exists).',
        });
      return;
    }
    const view = requestModal(actionId, preview, Number(page) || 0);
    if (body.view?.type === 'modal') await client.views.update({ view_id: body.view.id, view });
    else await client.views.open({ trigger_id: body.trigger_id, view });
  };
}
