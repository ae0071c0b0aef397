import { answerFeedback } from './answer-feedback';
import { type Block, SECTION_MAX, type SlackMessage } from './text';

/** Slack: 3000 characters per section; 50 blocks per message. Fewer sections keep a message readable. */
const SECTIONS_PER_MESSAGE = 8;

/** Where `text` may be cut at or before `max` without splitting a `<url|label>` link or an `&amp;` entity. */
function safeCut(text: string, max: number): number {
  let inLink = false;
  let lastSpace = -1;
  let lastSafe = -1;
  for (let i = 0; i < max; i++) {
    const ch = text[i];
    if (ch === '<') inLink = true;
    else if (ch === '>') inLink = false;
    if (inLink) continue;
    if (ch === '\n' || ch === ' ') lastSpace = i;
    const entity = /&[a-z]{0,4}$/.test(text.slice(Math.max(0, i - 4), i + 1));
    if (!entity) lastSafe = i + 1;
  }
  if (lastSpace > max / 2) return lastSpace;
  return lastSafe > 0 ? lastSafe : max;
}

/**
 * Pieces are cut before mrkdwn escaping, which can lengthen them (every & becomes &amp;): a piece
 * still over Slack's limit is cut again here rather than have Slack refuse the message.
 */
function fitted(pieces: string[]): string[] {
  const out: string[] = [];
  for (let rest of pieces) {
    while (rest.length > SECTION_MAX) {
      const cut = safeCut(rest, SECTION_MAX);
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut).replace(/^[ \n]+/, '');
    }
    // Slack refuses an empty text object.
    if (rest.trim()) out.push(rest);
  }
  return out;
}

/**
 * An answer that fits one message, as a markdown block (Slack renders the Markdown: the model's
 * answer, already sanitised) with the feedback buttons under it. `fallback` is the notification text.
 */
export function markdownAnswer(markdown: string, fallback: string): SlackMessage {
  return { text: fallback || '…', blocks: [{ type: 'markdown', text: markdown }, answerFeedback()] };
}

/**
 * A longer answer (already sanitised mrkdwn, cut into section-sized pieces) as several messages of
 * mrkdwn sections; the feedback buttons go under the last one.
 */
export function answerMessages(pieces: string[], withFeedback = true): SlackMessage[] {
  const messages: SlackMessage[] = [];
  const fit = fitted(pieces);
  for (let i = 0; i < fit.length; i += SECTIONS_PER_MESSAGE) {
    const group = fit.slice(i, i + SECTIONS_PER_MESSAGE);
    messages.push({
      text: group.join('\n\n'),
      // verbatim: Slack renders the mrkdwn but links nothing the sanitiser left as text.
      blocks: group.map(
        (text): Block => ({ type: 'section', text: { type: 'mrkdwn', text, verbatim: true } }),
      ),
    });
  }
  if (messages.length === 0) messages.push({ text: '…', blocks: [] });
  if (withFeedback) messages[messages.length - 1].blocks.push(answerFeedback());
  return messages;
}
