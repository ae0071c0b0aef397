import type { WebClient } from '@slack/web-api';
import type { Block } from '../blocks/text';

/** Characters gathered before each appendStream call: fewer calls (Slack rate-limits them), same effect. */
const FLUSH_AT = 200;

/**
 * One streamed Slack message: chat.startStream on the first text, appendStream as it grows,
 * stopStream to finish (with blocks such as the feedback buttons). The methods are called with
 * markdown_text directly: the text is already released in sanitised lines, so WebClient.chatStream's
 * own buffering would add nothing.
 */
export class SlackStream {
  private ts?: string;
  private pending = '';

  constructor(
    private readonly client: WebClient,
    private readonly target: {
      channel: string;
      thread_ts: string;
      recipient_team_id: string;
      recipient_user_id: string;
    },
  ) {}

  async append(text: string): Promise<void> {
    this.pending += text;
    if (this.pending.length >= FLUSH_AT) await this.flush();
  }

  async stop(blocks?: Block[]): Promise<void> {
    if (!this.ts) await this.flush();
    if (!this.ts) return;
    const markdown_text = this.pending;
    this.pending = '';
    await this.client.chat.stopStream({
      channel: this.target.channel,
      ts: this.ts,
      ...(markdown_text ? { markdown_text } : {}),
      ...(blocks ? { blocks } : {}),
    });
  }

  private async flush(): Promise<void> {
    if (!this.pending) return;
    const markdown_text = this.pending;
    this.pending = '';
    if (!this.ts) {
      const res = await this.client.chat.startStream({ ...this.target, markdown_text });
      this.ts = res.ts;
    } else {
      await this.client.chat.appendStream({ channel: this.target.channel, ts: this.ts, markdown_text });
    }
  }
}
