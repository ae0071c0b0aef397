import { ACTIONS } from './action-ids';
import type { Block } from './text';

export const FEEDBACK_VALUES = { good: 'good', bad: 'bad' } as const;

/** Slack's feedback buttons (thumbs up / down) under an answer; clicks are logged, never shown to others. */
export function answerFeedback(): Block {
  return {
    type: 'context_actions',
    elements: [
      {
        type: 'feedback_buttons',
        action_id: ACTIONS.answerFeedback,
        positive_button: {
          text: { type: 'plain_text', text: 'Good answer' },
          accessibility_label: 'Mark this answer as helpful',
          value: FEEDBACK_VALUES.good,
        },
        negative_button: {
          text: { type: 'plain_text', text: 'Bad answer' },
          accessibility_label: 'Mark this answer as not helpful',
          value: FEEDBACK_VALUES.bad,
        },
      },
    ],
  };
}
