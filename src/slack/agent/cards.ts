import type { WebClient } from '@slack/web-api';
import type { CardOutcome, Cards, PostedCard } from '../../agent/ports';
import type { ActionPreview } from '../../tools/types';
import { actionOutcomeCard } from '../blocks/action-outcome-card';
import { choicesSettled } from '../blocks/choices';

/** Cards once decided: chat.update replaces the buttons with the outcome; refusals go ephemeral. */
export class SlackCards implements Cards {
  constructor(private readonly client: WebClient) {}

  async settle(card: PostedCard, preview: ActionPreview, outcome: CardOutcome): Promise<void> {
    const message = actionOutcomeCard(preview, outcome);
    await this.client.chat.update({
      channel: card.channelId,
      ts: card.messageTs,
      text: message.text,
      blocks: message.blocks,
    });
  }

  async followUp(card: { channelId: string; threadTs?: string }, text: string): Promise<void> {
    await this.client.chat.postMessage({
      channel: card.channelId,
      ...(card.threadTs ? { thread_ts: card.threadTs } : {}),
      text,
      unfurl_links: false,
      unfurl_media: false,
    });
  }

  async refuse(to: { channelId: string; slackUserId: string }, text: string): Promise<void> {
    await this.client.chat.postEphemeral({ channel: to.channelId, user: to.slackUserId, text });
  }

  async settleChoices(card: PostedCard, picked: string): Promise<void> {
    const message = choicesSettled(picked);
    await this.client.chat.update({
      channel: card.channelId,
      ts: card.messageTs,
      text: message.text,
      blocks: message.blocks,
    });
  }
}
