import type { SlackDeps } from '../../deps';
import type { ButtonArgs } from '../args';

/**
 * One of a tool's choices (a meeting time). Acked at once; the agent claims the choice for its owner
 * once and posts that proposal's usual Confirm card — the click itself changes nothing.
 */
export function choicePicked(deps: SlackDeps) {
  return async ({ ack, body, action, context }: ButtonArgs): Promise<void> => {
    await ack();
    await deps.agent.pick({
      actionId: 'value' in action && typeof action.value === 'string' ? action.value : '',
      teamId: context.teamId ?? body.team?.id ?? body.user.team_id ?? '',
      slackUserId: body.user.id,
      channelId: body.channel?.id ?? body.container?.channel_id,
      messageTs: body.message?.ts ?? body.container?.message_ts,
    });
  };
}
