import { answerFeedback } from './answer-feedback';
import type { Block, SlackMessage } from './text';

/** Slack: 3000 characters per section; 50 blocks per message. Fewer sections keep a message readable. */
const SECTIONS_PER_MESSAGE = 8;

/**
 * An answer (already sanitised mrkdwn, cut into section-sized pieces) as one or more messages; the
 * feedback buttons go under the last one.
 */
export function answerMessages(pieces: string[], withFeedback = true): SlackMessage[] {
  const messages: SlackMessage[] = [];
  for (let i = 0; i < pieces.length; i += SECTIONS_PER_MESSAGE) {
    const group = pieces.slice(i, i + SECTIONS_PER_MESSAGE);
    messages.push({
      text: group.join('\n\n'),
      blocks: group.map((text): Block => ({ type: 'section', text: { type: 'mrkdwn', text } })),
    });
  }
  if (messages.length === 0) messages.push({ text: '…', blocks: [] });
  if (withFeedback) messages[messages.length - 1].blocks.push(answerFeedback());
  return messages;
}
