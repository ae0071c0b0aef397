import type { SlackMessage } from '../../slack/blocks/text';
import type { LinkPolicy } from './link-policy';
import { renderAnswer } from './render';
import type { Delivery, Destination } from './types';

/** Links in Lume's messages never unfurl: a preview would fetch the URL without anyone clicking. */
const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

/** Answers posted as whole messages: top-level DMs (Slack streams only into threads), and the fallback. */
export class PostDelivery implements Delivery {
  readonly onText = undefined;

  constructor(private readonly dest: Destination) {}

  async progress(): Promise<void> {}

  card(message: SlackMessage): Promise<string | undefined> {
    return this.send(message);
  }

  async finish(text: string, links: LinkPolicy, tail?: string): Promise<void> {
    const all = [text.trim(), tail?.trim()].filter(Boolean).join('\n\n');
    if (!all) return;
    for (const message of renderAnswer(all, links)) await this.send(message);
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
