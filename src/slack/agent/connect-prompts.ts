import type { WebClient } from '@slack/web-api';
import type { ConnectPrompts, Conversation } from '../../agent/ports';
import type { AppContext } from '../../context';
import { connectPrompt } from '../connect-prompt';

/** The connect link in the conversation: ephemeral where others can read it, a plain reply otherwise. */
export class SlackConnectPrompts implements ConnectPrompts {
  constructor(
    private readonly ctx: AppContext,
    private readonly client: WebClient,
  ) {}

  async send(to: Conversation, reason: string, opts: { privately: boolean }): Promise<void> {
    const message = await connectPrompt(this.ctx, to.teamId, to.slackUserId, { reason });
    if (opts.privately) {
      await this.client.chat.postEphemeral({
        channel: to.channelId,
        user: to.slackUserId,
        thread_ts: to.threadTs,
        ...message,
      });
      return;
    }
    await this.client.chat.postMessage({
      channel: to.channelId,
      thread_ts: to.threadTs,
      ...message,
      unfurl_links: false,
      unfurl_media: false,
    });
  }
}
