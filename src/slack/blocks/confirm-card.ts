import type { ProposalCard } from '../../agent/ports';
import type { ActionPreview } from '../../tools/types';
import { ACTIONS } from './action-ids';
import { bodyLength, type Piece, previewPieces } from './preview-pieces';
import { type Block, type SlackMessage, truncate } from './text';

/**
 * Pieces a card shows at most: with the header, the notes and the buttons it stays under Slack's 50
 * blocks per message. What does not fit is one click away ("View everything"), and the card says so.
 */
const CARD_PIECES = 20;

/** A time every viewer sees in their own Slack time zone. */
export const slackTime = (at: Date) =>
  `<!date^${Math.floor(at.getTime() / 1000)}^{time}|${at.toISOString().slice(11, 16)} UTC>`;

// verbatim: text that came from mail or the model is shown as written, never auto-linked.
export const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text, verbatim: true });

export const pieceBlock = (p: Piece): Block =>
  'fields' in p
    ? { type: 'section', fields: p.fields.map(mrkdwn) }
    : { type: 'section', text: mrkdwn(p.text) };

/**
 * What the action will do: the title, then as much of the preview as a card holds, and a note with
 * the length of the text and whether part of it is behind "View everything". Shared by the card and
 * its outcome.
 */
export function previewBlocks(preview: ActionPreview): { blocks: Block[]; complete: boolean } {
  const pieces = previewPieces(preview);
  const shown = pieces.slice(0, CARD_PIECES);
  const complete = shown.length === pieces.length;
  const notes: string[] = [];
  if (preview.body !== undefined) notes.push(`The text is ${bodyLength(preview)} long.`);
  if (!complete)
    notes.push(
      `This card shows ${shown.length} of ${pieces.length} parts of the request: click *View everything* to read all of it before you confirm.`,
    );
  return {
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: truncate(preview.title, 150) } },
      ...shown.map(pieceBlock),
      ...(notes.length ? [{ type: 'context', elements: [mrkdwn(notes.join(' '))] } as Block] : []),
    ],
    complete,
  };
}

const button = (action_id: string, text: string, value: string, style?: 'primary') => ({
  type: 'button' as const,
  action_id,
  text: { type: 'plain_text' as const, text },
  value,
  ...(style ? { style } : {}),
});

/** The card for a proposed change: exactly what will happen, and Confirm / Cancel (and View everything). */
export function confirmCard(input: ProposalCard): SlackMessage {
  const { actionId, preview, expiresAt } = input;
  const { blocks, complete } = previewBlocks(preview);
  const viewAll = !complete || preview.body !== undefined;
  return {
    text: `${preview.title}: waiting for you to confirm or cancel`,
    blocks: [
      ...blocks,
      {
        type: 'context',
        elements: [
          mrkdwn(
            `Nothing happens until you click *Confirm*. This request expires at ${slackTime(expiresAt)}.`,
          ),
        ],
      },
      {
        type: 'actions',
        block_id: 'lume_pending_action',
        elements: [
          button(ACTIONS.confirmAction, 'Confirm', actionId, 'primary'),
          button(ACTIONS.cancelAction, 'Cancel', actionId),
          ...(viewAll ? [button(ACTIONS.viewRequest, 'View everything', `${actionId}:0`)] : []),
        ],
      },
    ],
  };
}
