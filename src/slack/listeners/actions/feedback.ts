import type { SlackDeps } from '../../deps';
import type { ButtonArgs } from '../args';

/**
 * Thumbs up / down under an answer. Logged (who, where, which answer) for whoever tunes the prompt;
 * Slack shows the choice to the clicker itself, so nothing is posted.
 */
export function answerFeedbackClicked(deps: SlackDeps) {
  return async ({ ack, body, action, context }: ButtonArgs): Promise<void> => {
    await ack();
    const value = 'value' in action ? action.value : undefined;
    deps.ctx.log.info(
      {
        feedback: value === 'good' || value === 'bad' ? value : 'unknown',
        teamId: context.teamId ?? body.team?.id,
        slackUserId: body.user.id,
        channelId: body.channel?.id ?? body.container?.channel_id,
        messageTs: body.message?.ts ?? body.container?.message_ts,
      },
      'answer feedback',
    );
  };
}
