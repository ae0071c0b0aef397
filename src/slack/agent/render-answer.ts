import type { LinkPolicy } from '../../agent/link-policy';
import { answerMessages } from '../blocks/answer-message';
import type { SlackMessage } from '../blocks/text';
import { toMrkdwn } from './mrkdwn';
import { sanitizeMarkdown } from './sanitize';
import { splitText } from './split';

/** Below Slack's 3000-character section limit, leaving room for mrkdwn escaping growth. */
const PIECE = 2500;

/** Model Markdown → sanitised mrkdwn messages with feedback buttons under the last. */
export function renderAnswer(markdown: string, links: LinkPolicy, withFeedback = true): SlackMessage[] {
  const safe = sanitizeMarkdown(markdown, links);
  const pieces = splitText(safe, PIECE).map(toMrkdwn);
  return answerMessages(pieces, withFeedback);
}
