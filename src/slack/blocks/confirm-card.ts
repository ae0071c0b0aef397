import type { ActionPreview } from '../../tools/types';
import { ACTIONS } from './action-ids';
import { type Block, esc, type SlackMessage, truncate } from './text';

/** Slack limits: 10 fields per section, 2000 characters per field, 3000 per section text. */
const FIELDS_PER_SECTION = 10;
const FIELD_MAX = 2000;
const BODY_PIECE = 2900;
/** Body sections shown at most; a longer body is announced as cut (Slack caps a message at 50 blocks). */
const BODY_SECTIONS = 12;

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
      fields: preview.fields
        .slice(i, i + FIELDS_PER_SECTION)
        .map((f) => mrkdwn(truncate(`*${esc(f.label)}*\n${esc(f.value) || '—'}`, FIELD_MAX))),
    });
  }
  const body = preview.body ?? '';
  for (let i = 0; i < body.length && i < BODY_PIECE * BODY_SECTIONS; i += BODY_PIECE) {
    blocks.push({ type: 'section', text: mrkdwn(esc(body.slice(i, i + BODY_PIECE))) });
  }
  if (body.length > BODY_PIECE * BODY_SECTIONS) {
    blocks.push({
      type: 'context',
      elements: [mrkdwn(`The text continues (${body.length.toLocaleString('en-US')} characters in all).`)],
    });
  }
  return blocks;
}

/** The card for a proposed change: exactly what will happen, and Confirm / Cancel. */
export function confirmCard(input: {
  actionId: string;
  preview: ActionPreview;
  expiresAt: Date;
}): SlackMessage {
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
