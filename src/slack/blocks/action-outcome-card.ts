import type { CardOutcome } from '../../agent/ports';
import type { ActionPreview } from '../../tools/types';
import { previewBlocks, slackTime } from './confirm-card';
import { esc, type SlackMessage, truncate } from './text';

function line(outcome: CardOutcome): string {
  switch (outcome.kind) {
    case 'done':
      return `:white_check_mark: Done — confirmed by <@${outcome.by}> at ${slackTime(outcome.at)}.${outcome.detail ? ` ${esc(outcome.detail)}` : ''}`;
    case 'failed':
      return `:warning: Confirmed by <@${outcome.by}> at ${slackTime(outcome.at)}, but it did not go through: ${esc(truncate(outcome.detail, 500))}`;
    case 'cancelled':
      return `:no_entry_sign: Cancelled by <@${outcome.by}> at ${slackTime(outcome.at)}. Nothing was changed.`;
    case 'unknown':
      return `:grey_question: Confirmed by <@${outcome.by}> at ${slackTime(outcome.at)}, but Lume was interrupted and cannot tell whether it went through. ${esc(truncate(outcome.detail, 500))}`;
    case 'expired':
      return ':hourglass: This request expired and nothing was changed. Ask again if you still want it.';
  }
}

/** The card once decided: the same preview as a record, the outcome instead of the buttons. */
export function actionOutcomeCard(preview: ActionPreview, outcome: CardOutcome): SlackMessage {
  const text = line(outcome);
  return {
    text: `${preview.title}: ${outcome.kind}`,
    blocks: [
      ...previewBlocks(preview).blocks,
      { type: 'context', elements: [{ type: 'mrkdwn', text, verbatim: true }] },
    ],
  };
}
