import type { LinkPolicy } from '../../agent/link-policy';
import { answerFeedback } from '../blocks/answer-feedback';
import { answerMessages, markdownAnswer } from '../blocks/answer-message';
import type { SlackMessage } from '../blocks/text';
import { toMrkdwn } from './mrkdwn';
import { sanitizeMarkdown } from './sanitize';
import { splitText } from './split';

/**
 * How much of an answer one Slack message carries. Slack caps the markdown blocks of one message at
 * 12,000 characters in all (and a stream's appendStream at 12,000); a little is kept in hand. A
 * streamed answer continues in a new message past it, and a posted answer up to it is one message.
 */
export const ANSWER_MESSAGE_MAX = 11_000;

/** Below Slack's 3000-character section limit, leaving room for mrkdwn escaping growth. */
const PIECE = 2500;

/**
 * Model Markdown → the messages that post it. Where one markdown block can carry the answer, Slack
 * renders the sanitised Markdown itself — the same text a stream sends as markdown_text, so posted
 * and streamed answers look alike (the notification text is its mrkdwn form). A longer answer is cut
 * into mrkdwn sections over several messages. The feedback buttons go under the last.
 */
export function renderAnswer(markdown: string, links: LinkPolicy): SlackMessage[] {
  const safe = sanitizeMarkdown(markdown, links).trim();
  if (safe.length <= ANSWER_MESSAGE_MAX) return [markdownAnswer(safe, toMrkdwn(safe))];
  return answerMessages(splitText(safe, PIECE).map(toMrkdwn));
}

/** What closes a streamed answer: the same feedback buttons as under a posted one. */
export const streamedAnswerEnd = () => [answerFeedback()];
