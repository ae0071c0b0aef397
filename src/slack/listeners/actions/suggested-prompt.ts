import { MESSAGES } from '../../../messages';
import { askInDm } from '../../agent/ask-agent';
import { connectPrompt } from '../../connect-prompt';
import type { SlackDeps } from '../../deps';
import { SUGGESTED_PROMPTS } from '../../suggested-prompts';
import type { ButtonArgs } from '../args';

/** A suggested-prompt button on the messages tab: ask that prompt as if the person had typed it. */
export function suggestedPromptClicked(deps: SlackDeps) {
  return async ({ ack, body, action, client, context }: ButtonArgs): Promise<void> => {
    await ack();
    const prompt = SUGGESTED_PROMPTS[Number('value' in action ? action.value : -1)];
    if (!prompt) return;
    const teamId = context.teamId ?? body.team?.id ?? '';
    const userId = body.user.id;
    const account = await deps.ctx.accounts.accountOf(teamId, userId);
    if (account.kind !== 'connected') {
      const msg = await connectPrompt(deps.ctx, teamId, userId, {
        reason: MESSAGES.notConnected,
      });
      await client.chat.postMessage({ channel: body.channel?.id ?? userId, ...msg });
      return;
    }
    await askInDm(deps, client, {
      teamId,
      userId,
      text: prompt.message,
      source: 'dm',
      via: 'a suggested prompt',
      user: account.user,
    });
  };
}
