import { SUGGESTED_PROMPTS } from '../suggested-prompts';
import { promptActionId } from './action-ids';
import { context, type SlackMessage, section } from './text';

/** First message on the messages tab: what Lume is for, and the suggested prompts as buttons. */
export function welcomeMessage(connected: boolean): SlackMessage {
  return {
    text: "Hi, I'm Lume. Ask me about your mail, calendar, tasks and notes.",
    blocks: [
      section(
        "Hi, I'm *Lume*. Ask me about your mail, calendar, tasks and notes — in plain words, right here. Or try one of these:",
      ),
      {
        type: 'actions',
        elements: SUGGESTED_PROMPTS.map((p, i) => ({
          type: 'button' as const,
          action_id: promptActionId(i),
          text: { type: 'plain_text' as const, text: p.title },
          value: String(i),
        })),
      },
      context(
        connected
          ? 'I never send mail or change anything until you click *Confirm*.'
          : 'First, run `/lume connect` to link your Google account. I never change anything until you click *Confirm*.',
      ),
    ],
  };
}
