import type { ChoiceCard } from '../../agent/ports';
import { choiceActionId } from './action-ids';
import { slackTime } from './confirm-card';
import { type Block, context, escCapped, type SlackMessage, section, truncate } from './text';

/** Slack caps a button's text at 75 characters. */
const BUTTON_TEXT_MAX = 75;

/**
 * A tool's choices (meeting times) as buttons. A pick shows that choice's usual Confirm card; the
 * footer says so, so nobody thinks a click books anything.
 */
export function choicesMessage(card: ChoiceCard): SlackMessage {
  const blocks: Block[] = [
    section(escCapped(card.prompt, 2900)),
    {
      type: 'actions',
      elements: card.options.map((o, i) => ({
        type: 'button',
        action_id: choiceActionId(i),
        text: { type: 'plain_text', text: truncate(o.label, BUTTON_TEXT_MAX) },
        value: o.actionId,
      })),
    },
    context(
      `Picking one shows its card: nothing is booked until you click *Confirm* there. These choices expire at ${slackTime(card.expiresAt)}.`,
    ),
  ];
  return { text: truncate(card.prompt, 3000), blocks };
}

/** The choices once one was picked: the buttons go, the pick stays (its card follows in the thread). */
export function choicesSettled(picked: string): SlackMessage {
  const text = `:white_check_mark: You picked ${escCapped(picked, 2800)}. Confirm it on the card below.`;
  return { text: `You picked ${truncate(picked, 2900)}`, blocks: [section(text)] };
}
