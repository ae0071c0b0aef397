import type { SlackDeps } from '../../deps';
import type { ButtonArgs } from '../args';

/**
 * Confirm on an agent card. Acked at once; the agent claims the pending action with one conditional
 * UPDATE, so a double click or a retried delivery runs it only once, and only for the card's owner.
 */
export function confirmActionClicked(deps: SlackDeps) {
  return cardDecision(deps, 'confirm');
}

/** Shared by Confirm and Cancel: the same payload, a different decision. */
export function cardDecision(deps: SlackDeps, decision: 'confirm' | 'cancel') {
  return async ({ ack, body, action, context }: ButtonArgs): Promise<void> => {
    await ack();
    await deps.agent.decide({
      decision,
      actionId: 'value' in action && typeof action.value === 'string' ? action.value : '',
      teamId: context.teamId ?? body.team?.id ?? body.user.team_id ?? '',
      slackUserId: body.user.id,
      channelId: body.channel?.id ?? body.container?.channel_id,
    });
  };
}
