import type { types } from '@slack/bolt';
import type { ChatStreamer, WebClient } from '@slack/web-api';
import type { Block } from '../blocks/text';

export type Chunk = types.AnyChunk;

/** Characters gathered before each appendStream call: fewer calls (Slack rate-limits them), same effect. */
const FLUSH_AT = 200;

/**
 * One streamed Slack message, through @slack/web-api's ChatStreamer (client.chatStream):
 * chat.startStream on the first text or chunk, appendStream as it grows (markdown_text gathered
 * into FLUSH_AT-character chunks; task updates sent at once, after any text before them, in
 * order), stopStream to finish with blocks such as the feedback buttons. Tasks are shown as a
 * timeline, each next to the text written around it.
 */
export class SlackStream {
  private readonly streamer: ChatStreamer;
  private used = false;

  constructor(
    client: WebClient,
    target: {
      channel: string;
      thread_ts: string;
      recipient_team_id: string;
      recipient_user_id: string;
    },
  ) {
    this.streamer = client.chatStream({ ...target, task_display_mode: 'timeline', buffer_size: FLUSH_AT });
  }

  async append(text: string): Promise<void> {
    if (!text) return;
    this.used = true;
    await this.streamer.append({ markdown_text: text });
  }

  async chunks(chunks: Chunk[]): Promise<void> {
    if (!chunks.length) return;
    this.used = true;
    await this.streamer.append({ chunks });
  }

  /** Finish the message (with `chunks` as its last updates); a stream that never sent anything is left alone. */
  async stop(blocks?: Block[], chunks: Chunk[] = []): Promise<void> {
    // ChatStreamer would start an empty stream just to stop it; there is nothing to show.
    if (!this.used && !chunks.length) return;
    await this.streamer.stop({ ...(blocks ? { blocks } : {}), ...(chunks.length ? { chunks } : {}) });
  }

  /** True once anything (text or a chunk) was handed to the stream. */
  get started(): boolean {
    return this.used;
  }
}
