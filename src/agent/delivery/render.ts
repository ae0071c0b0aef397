import { answerMessages } from '../../slack/blocks/answer-message';
import type { SlackMessage } from '../../slack/blocks/text';
import type { LinkPolicy } from './link-policy';
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
