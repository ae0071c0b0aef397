import { formatDay } from '../../../agenda/time';
import { LinkPolicy } from '../../../agent/link-policy';
import type { BriefingNotice } from '../../../notify/notices';
import { toMrkdwn } from '../../agent/mrkdwn';
import { sanitizeMarkdown } from '../../agent/sanitize';
import { agendaBlocks, agendaSummary, zoneLine } from '../agenda';
import { type Block, context, divider, esc, header, section } from '../text';

/** The fields of an agenda whose URLs Google made (the event page, the join link): the only links the sentences may keep. */
const TRUSTED_LINKS = ['htmlLink', 'joinUrl'];

/**
 * The model's sentences, as every answer is shown: sanitised (no images, no links but trusted ones,
 * no channel-wide mentions), then Markdown → mrkdwn.
 */
export function attentionText(n: BriefingNotice): string | null {
  if (!n.attention) return null;
  const policy = new LinkPolicy();
  policy.learn(n.agenda, TRUSTED_LINKS);
  const safe = sanitizeMarkdown(n.attention, policy).trim();
  return safe ? toMrkdwn(safe) : null;
}

/** The daily briefing: a header, the model's sentences when there are any, then `/lume today`'s agenda. */
export function briefingNotice(n: BriefingNotice): { text: string; blocks: Block[] } {
  const a = n.agenda;
  const attention = attentionText(n);
  const blocks: Block[] = [
    header(`Your briefing — ${formatDay(a.date)}`),
    context(`${zoneLine(a.timeZone)} · ${esc(a.email)} · \`/lume briefing off\` stops these`),
    ...(attention ? [section(`:bulb: ${attention}`)] : []),
    divider(),
    ...agendaBlocks(a),
  ];
  return { text: `Your briefing. ${agendaSummary(a)}`, blocks };
}
