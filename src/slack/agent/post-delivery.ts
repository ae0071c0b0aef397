import type { WebClient } from '@slack/web-api';
import type { LinkPolicy } from '../../agent/link-policy';
import type { ChoiceCard, Conversation, Delivery, ProposalCard } from '../../agent/ports';
import type { Logger } from '../../log';
import { choicesMessage } from '../blocks/choices';
import { confirmCard } from '../blocks/confirm-card';
import type { SlackMessage } from '../blocks/text';
import { renderAnswer } from './render-answer';

/** Where one turn's answer goes in Slack, and the client and log to get it there. */
export interface Destination extends Conversation {
  client: WebClient;
  log: Logger;
}

/** Links in Lume's messages never unfurl: a preview would fetch the URL without anyone clicking. */
const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

/** Answers posted as whole messages: top-level DMs (Slack streams only into threads), and the fallback. */
export class PostDelivery implements Delivery {
  readonly onText = undefined;

  constructor(
    private readonly dest: Destination,
    private readonly links: LinkPolicy,
  ) {}

  async progress(): Promise<void> {}

  card(card: ProposalCard): Promise<string | undefined> {
    return this.send(confirmCard(card));
  }

  choices(card: ChoiceCard): Promise<string | undefined> {
    return this.send(choicesMessage(card));
  }

  async finish(text: string, tail?: string): Promise<void> {
    const all = [text.trim(), tail?.trim()].filter(Boolean).join('\n\n');
    if (!all) return;
    for (const message of renderAnswer(all, this.links)) await this.send(message);
  }

  async notify(text: string): Promise<void> {
    await this.send({ text, blocks: [] });
  }

  private async send(message: SlackMessage): Promise<string | undefined> {
    const res = await this.dest.client.chat.postMessage({
      channel: this.dest.channelId,
      thread_ts: this.dest.threadTs,
      text: message.text,
      ...(message.blocks.length ? { blocks: message.blocks } : {}),
      ...NO_UNFURL,
    });
    return res.ts;
  }
}
