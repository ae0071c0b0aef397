import type { types } from '@slack/bolt';
import type { ActionPreview } from '../../tools/types';
import { ACTIONS } from './action-ids';
import { mrkdwn, pieceBlock } from './confirm-card';
import { bodyLength, previewPieces } from './preview-pieces';
import { type Block, truncate } from './text';

/** Slack: a modal holds 100 blocks; each page keeps room for its heading and the page buttons. */
const PIECES_PER_PAGE = 90;

/**
 * The whole request, page by page ("View everything" on a card): every recipient, every field and
 * the whole text, however long — a modal of 100 blocks of 3000 characters each, with ‹ / › to page.
 */
export function requestModal(actionId: string, preview: ActionPreview, page: number): types.ModalView {
  const pieces = previewPieces(preview);
  const pages = Math.max(1, Math.ceil(pieces.length / PIECES_PER_PAGE));
  const at = Math.min(Math.max(0, page), pages - 1);
  const nav = [
    ...(at > 0 ? [{ text: '‹ Previous page', page: at - 1 }] : []),
    ...(at < pages - 1 ? [{ text: 'Next page ›', page: at + 1 }] : []),
  ];
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(preview.title, 150) } },
    {
      type: 'context',
      elements: [
        mrkdwn(
          `Page ${at + 1} of ${pages}.${preview.body !== undefined ? ` The text is ${bodyLength(preview)} long.` : ''} This is exactly what Confirm does.`,
        ),
      ],
    },
    ...pieces.slice(at * PIECES_PER_PAGE, (at + 1) * PIECES_PER_PAGE).map(pieceBlock),
    ...(nav.length
      ? [
          {
            type: 'actions',
            elements: nav.map((n, i) => ({
              type: 'button',
              action_id: `${ACTIONS.viewRequest}:${i}`,
              text: { type: 'plain_text', text: n.text },
              value: `${actionId}:${n.page}`,
            })),
          } as Block,
        ]
      : []),
  ];
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'The whole request' },
    close: { type: 'plain_text', text: 'Close' },
    blocks,
  };
}
