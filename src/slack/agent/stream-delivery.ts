import type { LinkPolicy } from '../../agent/link-policy';
import type { Delivery, ProposalCard } from '../../agent/ports';
import { LineBuffer } from './line-buffer';
import { type Destination, PostDelivery } from './post-delivery';
import { ANSWER_MESSAGE_MAX, streamedAnswerEnd } from './render-answer';
import { sanitizeMarkdown } from './sanitize';
import { SlackStream } from './slack-stream';

/**
 * Answers in a thread (an assistant thread in the DM, a mention's thread, a question moved into the
 * DM): the assistant status shows progress, and the answer is streamed as Gemini writes it. Text is
 * released line by line so each line is sanitised before Slack sees it (streamed messages have no
 * unfurl switch, so the link policy is what keeps data out of URLs). If Slack refuses streaming, the
 * answer is posted instead.
 */
export class StreamDelivery implements Delivery {
  private readonly lines = new LineBuffer();
  private readonly post: PostDelivery;
  private streamer?: SlackStream;
  private inMessage = 0;
  private broken = false;
  private streamedAny = false;
  private statusWorks = true;

  constructor(
    private readonly dest: Destination & { threadTs: string },
    private readonly links: LinkPolicy,
  ) {
    this.post = new PostDelivery(dest, links);
  }

  readonly onText = async (delta: string): Promise<void> => {
    await this.emit(this.lines.push(delta));
  };

  async progress(status: string): Promise<void> {
    if (!this.statusWorks) return;
    try {
      await this.dest.client.assistant.threads.setStatus({
        channel_id: this.dest.channelId,
        thread_ts: this.dest.threadTs,
        status,
      });
    } catch (err) {
      // Not an assistant thread (e.g. a channel mention): the streamed answer itself shows progress.
      this.statusWorks = false;
      this.dest.log.debug({ err }, 'assistant status unavailable');
    }
  }

  card(card: ProposalCard): Promise<string | undefined> {
    return this.post.card(card);
  }

  async finish(text: string, tail?: string): Promise<void> {
    await this.emit(this.lines.flush());
    if (this.streamedAny && !this.broken) {
      if (tail) await this.emit(`\n\n${tail}`);
      await this.stop(true);
    }
    // Nothing streamed, or Slack refused part-way: post the whole answer (a few lines may repeat;
    // losing the answer would be worse).
    if (this.broken || !this.streamedAny) await this.post.finish(text, tail);
  }

  async notify(text: string): Promise<void> {
    await this.emit(this.lines.flush());
    if (this.streamedAny && !this.broken) {
      await this.append(`\n\n${text}`);
      await this.stop(false);
      if (!this.broken) return;
    }
    await this.post.notify(text);
  }

  private async emit(raw: string): Promise<void> {
    if (!raw || this.broken) return;
    await this.append(sanitizeMarkdown(raw, this.links));
  }

  private async append(text: string): Promise<void> {
    try {
      // A long answer continues in a new streamed message rather than hitting Slack's limit.
      if (this.streamer && this.inMessage + text.length > ANSWER_MESSAGE_MAX) await this.stop(false);
      this.streamer ??= new SlackStream(this.dest.client, {
        channel: this.dest.channelId,
        thread_ts: this.dest.threadTs,
        recipient_team_id: this.dest.teamId,
        recipient_user_id: this.dest.slackUserId,
      });
      this.inMessage += text.length;
      this.streamedAny = true;
      await this.streamer.append(text);
    } catch (err) {
      this.broken = true;
      this.dest.log.warn({ err }, 'Slack streaming failed; posting the answer instead');
    }
  }

  private async stop(withFeedback: boolean): Promise<void> {
    const streamer = this.streamer;
    this.streamer = undefined;
    this.inMessage = 0;
    if (!streamer) return;
    try {
      await streamer.stop(withFeedback ? streamedAnswerEnd() : undefined);
    } catch (err) {
      this.broken = true;
      this.dest.log.warn({ err }, 'Slack stopStream failed');
    }
  }
}
