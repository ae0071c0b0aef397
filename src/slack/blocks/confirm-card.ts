import type { ProposalCard } from '../../agent/ports';
import type { ActionPreview } from '../../tools/types';
import { ACTIONS } from './action-ids';
import { type Block, esc, escCapped, SECTION_MAX, type SlackMessage, truncate } from './text';

/** Slack limits: 10 fields per section, 2000 characters per field, 3000 per section text. */
const FIELDS_PER_SECTION = 10;
const FIELD_MAX = 2000;
/** Body sections shown at most; a longer body is announced as cut (Slack caps a message at 50 blocks). */
const BODY_SECTIONS = 12;

/**
 * The body as escaped sections of at most SECTION_MAX characters each. Cut by *escaped* length:
 * a quoted reply ("> …" on every line) or an HTML snippet grows when escaped, and a section over
 * 3000 characters makes Slack refuse the whole card.
 */
function bodyPieces(body: string): { pieces: string[]; shown: number } {
  const pieces: string[] = [];
  let current = '';
  let shown = 0;
  for (const ch of body) {
    const piece = esc(ch);
    if (current.length + piece.length > SECTION_MAX) {
      pieces.push(current);
      current = '';
      if (pieces.length === BODY_SECTIONS) return { pieces, shown };
    }
    current += piece;
    shown += ch.length;
  }
  if (current) pieces.push(current);
  return { pieces, shown };
}

/** A time every viewer sees in their own Slack time zone. */
export const slackTime = (at: Date) =>
  `<!date^${Math.floor(at.getTime() / 1000)}^{time}|${at.toISOString().slice(11, 16)} UTC>`;

// verbatim: text that came from mail or the model is shown as written, never auto-linked.
const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text, verbatim: true });

/** What the action will do, field by field, then the full body. Shared by the card and its outcome. */
export function previewBlocks(preview: ActionPreview): Block[] {
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(preview.title, 150) } },
  ];
  for (let i = 0; i < preview.fields.length; i += FIELDS_PER_SECTION) {
    blocks.push({
      type: 'section',
      fields: preview.fields.slice(i, i + FIELDS_PER_SECTION).map((f) => {
        const label = `*${escCapped(f.label, 100)}*\n`;
        return mrkdwn(label + (escCapped(f.value, FIELD_MAX - label.length) || '—'));
      }),
    });
  }
  const body = preview.body ?? '';
  const { pieces, shown } = bodyPieces(body);
  for (const piece of pieces) blocks.push({ type: 'section', text: mrkdwn(piece) });
  if (shown < body.length) {
    blocks.push({
      type: 'context',
      elements: [mrkdwn(`The text continues (${body.length.toLocaleString('en-US')} characters in all).`)],
    });
  }
  return blocks;
}

/** The card for a proposed change: exactly what will happen, and Confirm / Cancel. */
export function confirmCard(input: ProposalCard): SlackMessage {
  const { actionId, preview, expiresAt } = input;
  return {
    text: `${preview.title}: waiting for you to confirm or cancel`,
    blocks: [
      ...previewBlocks(preview),
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
          {
            type: 'button',
            action_id: ACTIONS.confirmAction,
            text: { type: 'plain_text', text: 'Confirm' },
            style: 'primary',
            value: actionId,
          },
          {
            type: 'button',
            action_id: ACTIONS.cancelAction,
            text: { type: 'plain_text', text: 'Cancel' },
            value: actionId,
          },
        ],
      },
    ],
  };
}
