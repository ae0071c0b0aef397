import type { LinkPolicy } from '../../agent/link-policy';
import type { ChoiceCard, Delivery, ProposalCard, ToolStep } from '../../agent/ports';
import { LineBuffer } from './line-buffer';
import { type Destination, PostDelivery } from './post-delivery';
import { ANSWER_MESSAGE_MAX, streamedAnswerEnd } from './render-answer';
import { sanitizeMarkdown } from './sanitize';
import { type Chunk, SlackStream } from './slack-stream';
import { taskUpdate } from './task-update';

/**
 * Answers in a thread (an assistant thread in the DM, a mention's thread, a question moved into the
 * DM): the assistant status shows progress until the stream starts, each tool call is a thinking
 * step (a task_update chunk: pending → in progress → complete or error), and the answer is streamed
 * as Gemini writes it. Text is released line by line so each line is sanitised before Slack sees it
 * (streamed messages have no unfurl switch, so the link policy is what keeps data out of URLs). Calls
 * to the stream go one at a time, in order. If Slack refuses streaming, the answer is posted instead.
 */
export class StreamDelivery implements Delivery {
  private readonly lines = new LineBuffer();
  private readonly post: PostDelivery;
  private streamer?: SlackStream;
  private inMessage = 0;
  private broken = false;
  private streamedText = false;
  private statusWorks = true;
  /** The last update of every step not yet complete or error, to close them if the turn ends early. */
  private readonly open = new Map<string, ToolStep>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dest: Destination & { threadTs: string },
    private readonly links: LinkPolicy,
  ) {
    this.post = new PostDelivery(dest, links);
  }

  readonly onText = (delta: string): Promise<void> => this.serial(() => this.emit(this.lines.push(delta)));

  readonly steps = (updates: ToolStep[]): Promise<void> =>
    this.serial(async () => {
      if (this.broken) return;
      for (const u of updates) {
        if (u.status === 'complete' || u.status === 'error') this.open.delete(u.id);
        else this.open.set(u.id, u);
      }
      await this.write((s) => s.chunks(updates.map((u) => taskUpdate(u, this.links))));
    });

  async progress(status: string): Promise<void> {
    // Once the stream shows steps, a status line under it would say the same thing twice.
    if (!this.statusWorks || this.streamer?.started) return;
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

  choices(card: ChoiceCard): Promise<string | undefined> {
    return this.post.choices(card);
  }

  finish(text: string, tail?: string): Promise<void> {
    return this.serial(async () => {
      await this.emit(this.lines.flush());
      if (this.streamer?.started && !this.broken) {
        // Steps went out but the answer did not stream (a model that answered in one piece).
        if (!this.streamedText && text.trim()) await this.emit(text);
        if (tail) await this.emit(`\n\n${tail}`);
        await this.stop(true);
        if (!this.broken) return;
      }
      // Nothing streamed, or Slack refused part-way: post the whole answer (a few lines may repeat;
      // losing the answer would be worse).
      await this.post.finish(text, tail);
    });
  }

  notify(text: string): Promise<void> {
    return this.serial(async () => {
      await this.emit(this.lines.flush());
      if (this.streamer?.started && !this.broken) {
        await this.append(`\n\n${text}`);
        await this.stop(false);
        if (!this.broken) return;
      }
      await this.post.notify(text);
    });
  }

  /** Run stream work after everything queued before it (steps of parallel tools arrive together). */
  private serial(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async emit(raw: string): Promise<void> {
    if (!raw || this.broken) return;
    this.streamedText = true;
    await this.append(sanitizeMarkdown(raw, this.links));
  }

  private async append(text: string): Promise<void> {
    // A long answer continues in a new streamed message rather than hitting Slack's limit.
    if (this.streamer && this.inMessage + text.length > ANSWER_MESSAGE_MAX) await this.stop(false);
    this.inMessage += text.length;
    await this.write((s) => s.append(text));
  }

  private async write(send: (s: SlackStream) => Promise<void>): Promise<void> {
    if (this.broken) return;
    try {
      this.streamer ??= new SlackStream(this.dest.client, {
        channel: this.dest.channelId,
        thread_ts: this.dest.threadTs,
        recipient_team_id: this.dest.teamId,
        recipient_user_id: this.dest.slackUserId,
      });
      await send(this.streamer);
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
    // A step still running when the turn ends (a timeout, a failure) is shown as stopped, not spinning.
    const unfinished: Chunk[] = [...this.open.values()].map((s) =>
      taskUpdate({ ...s, status: 'error', output: 'Stopped before it finished.' }, this.links),
    );
    this.open.clear();
    try {
      await streamer.stop(withFeedback ? streamedAnswerEnd() : undefined, unfinished);
    } catch (err) {
      this.broken = true;
      this.dest.log.warn({ err }, 'Slack stopStream failed');
    }
  }
}
