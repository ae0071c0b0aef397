import { DeliveryDeferred } from '../../notify/messenger';
import { memoryPauses, type PauseStore } from './pauses';
import { rateLimitedFor } from './rate-limited';

/**
 * How fast proactive posts leave for one workspace. Slack documents chat.postMessage as a special
 * tier: "one message per second per channel", short bursts allowed, "while also maintaining a
 * workspace-wide limit" it does not put a number on (https://docs.slack.dev/apis/web-api/rate-limits).
 * So: one post per DM channel per second, and a workspace bucket well inside "several hundred a
 * minute"; whatever Slack still answers with 429 is waited out (Retry-After) by every instance.
 */
export interface PostLimits {
  channelIntervalMs: number;
  workspacePerSecond: number;
  workspaceBurst: number;
  /** Longest one post waits in the queue before it is handed back to its job (DeliveryDeferred). */
  maxWaitMs: number;
  /**
   * Longest Retry-After waited out here, on this process's clock; a longer pause hands the posts back
   * to their jobs (DeliveryDeferred), which snooze on the engine's clock.
   */
  maxPauseWaitMs: number;
  /**
   * Posts of one workspace in flight at once. One: the next post leaves only after the last one's
   * answer came back, so no post is ever sent by an instance that had been told to wait.
   */
  maxInFlight: number;
}

export const SLACK_POST_LIMITS: PostLimits = {
  channelIntervalMs: 1000,
  workspacePerSecond: 5,
  workspaceBurst: 10,
  maxWaitMs: 60_000,
  maxPauseWaitMs: 5_000,
  maxInFlight: 1,
};

/** Posts per second the rate never falls below, and what each accepted post adds back. */
const MIN_RATE = 0.5;
const RATE_STEP = 0.1;

interface Item {
  dueAt: number;
  seq: number;
  channel: string;
  deadline: number;
  call: () => Promise<unknown>;
  resolve(v: unknown): void;
  reject(e: unknown): void;
  signal?: AbortSignal;
}

interface Lane {
  queue: Item[];
  tokens: number;
  /** The sustained rate now: halved by each 429, creeping back to the configured one with each post Slack takes. */
  rate: number;
  refilledAt: number;
  channelFree: Map<string, number>;
  pausedUntil: number;
  /** The pause this lane last waited out here (so a pause is served once, whatever the pause clock says after). */
  servedPause: number;
  inFlight: number;
  pumping: boolean;
  wake?: () => void;
}

export interface PacerClock {
  now(): number;
}

/**
 * Per-workspace queue for proactive posts (chat.postMessage, chat.update): ordered by due time,
 * spaced per channel and per workspace on this process's clock, paused for the whole workspace on a
 * 429 (shared through `pauses` so other instances wait too). A short pause (a few seconds) is waited
 * out here and the posts go after it, composed once; a longer one hands the refused post and every
 * one queued behind it back to their jobs (DeliveryDeferred with the time left), which snooze on the
 * engine's clock — durable, holding no slot, and in tests the clock the spec moves. Answers to
 * people never pass through here.
 */
export class SlackPacer {
  private readonly lanes = new Map<string, Lane>();
  private readonly limits: PostLimits;
  private seq = 0;

  constructor(
    private readonly o: {
      limits?: Partial<PostLimits>;
      pauses?: PauseStore;
      /** Spacing: how fast posts leave this process (default: the wall clock). */
      clock?: PacerClock;
      /** Pauses: the instants Retry-After ends, shared across instances (the context's clock). */
      pauseClock?: PacerClock;
      /** A 429 and the wait it asked for (metrics, logs). */
      onRateLimited?: (e: { teamId: string; retryAfterMs: number }) => void;
    } = {},
  ) {
    this.limits = { ...SLACK_POST_LIMITS, ...o.limits };
  }

  private get pauses(): PauseStore {
    this.o.pauses ??= memoryPauses();
    return this.o.pauses;
  }

  private now = () => (this.o.clock ?? Date).now();
  private pauseNow = () => (this.o.pauseClock ?? Date).now();

  /** Posts waiting in a workspace's queue (or in all). */
  pending(teamId?: string): number {
    if (teamId) return this.lanes.get(teamId)?.queue.length ?? 0;
    return [...this.lanes.values()].reduce((n, l) => n + l.queue.length, 0);
  }

  /** Runs `call` when the workspace's limits allow, earliest `dueAt` first; after a short 429 pause it goes again, a long one: DeliveryDeferred. */
  send<T>(
    teamId: string,
    channel: string,
    dueAt: Date,
    call: () => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    signal?.throwIfAborted();
    const lane = this.lane(teamId);
    return new Promise<T>((resolve, reject) => {
      const item: Item = {
        dueAt: dueAt.getTime(),
        seq: this.seq++,
        channel,
        deadline: this.now() + this.limits.maxWaitMs,
        call,
        resolve: resolve as (v: unknown) => void,
        reject,
        signal,
      };
      signal?.addEventListener('abort', () => this.drop(lane, item, signal.reason), { once: true });
      this.insert(lane, item);
      void this.pump(teamId, lane);
    });
  }

  private lane(teamId: string): Lane {
    let lane = this.lanes.get(teamId);
    if (!lane) {
      lane = {
        queue: [],
        tokens: this.limits.workspaceBurst,
        rate: this.limits.workspacePerSecond,
        refilledAt: this.now(),
        channelFree: new Map(),
        pausedUntil: 0,
        servedPause: 0,
        inFlight: 0,
        pumping: false,
      };
      this.lanes.set(teamId, lane);
    }
    return lane;
  }

  private insert(lane: Lane, item: Item): void {
    const at = lane.queue.findIndex(
      (q) => q.dueAt > item.dueAt || (q.dueAt === item.dueAt && q.seq > item.seq),
    );
    lane.queue.splice(at < 0 ? lane.queue.length : at, 0, item);
    lane.wake?.();
  }

  private drop(lane: Lane, item: Item, reason: unknown): void {
    const i = lane.queue.indexOf(item);
    if (i < 0) return;
    lane.queue.splice(i, 1);
    item.reject(reason);
  }

  private async pump(teamId: string, lane: Lane): Promise<void> {
    if (lane.pumping) return;
    lane.pumping = true;
    try {
      while (lane.queue.length) {
        // The store is the one source (every instance writes its 429s there); this lane's own memory
        // of its last pause stands in only when the store cannot be read.
        const until = await this.pauses.until(teamId).catch(() => lane.pausedUntil);
        const paused = until - this.pauseNow();
        if (paused > 0 && until !== lane.servedPause) {
          if (paused > this.limits.maxPauseWaitMs) {
            this.deferAll(lane, paused);
            continue;
          }
          // Not wakeable by new posts: the whole pause is waited, then counted as served.
          await new Promise((r) => setTimeout(r, paused));
          lane.servedPause = until;
          continue;
        }
        const now = this.now();
        if (lane.inFlight >= this.limits.maxInFlight) {
          await this.sleep(lane, this.limits.maxWaitMs); // woken when one comes back
          continue;
        }
        this.refill(lane, now);
        const ready = lane.queue.find((q) => (lane.channelFree.get(q.channel) ?? 0) <= now);
        if (!ready || lane.tokens < 1) {
          const tokenAt = lane.tokens >= 1 ? now : now + ((1 - lane.tokens) * 1000) / lane.rate;
          const channelAt = Math.min(...lane.queue.map((q) => lane.channelFree.get(q.channel) ?? 0));
          const at = Math.max(tokenAt, channelAt);
          this.deferPast(lane, at);
          await this.sleep(lane, Math.max(1, at - now));
          continue;
        }
        lane.tokens -= 1;
        lane.channelFree.set(ready.channel, now + this.limits.channelIntervalMs);
        lane.queue.splice(lane.queue.indexOf(ready), 1);
        void this.dispatch(teamId, lane, ready);
      }
    } finally {
      lane.pumping = false;
      // Drained: forget the channels that are free again (one entry per person would only grow).
      const now = this.now();
      for (const [channel, free] of lane.channelFree) if (free <= now) lane.channelFree.delete(channel);
    }
  }

  private async dispatch(teamId: string, lane: Lane, item: Item): Promise<void> {
    lane.inFlight += 1;
    try {
      item.resolve(await item.call());
      lane.rate = Math.min(this.limits.workspacePerSecond, lane.rate + RATE_STEP);
    } catch (err) {
      const retryAfterMs = rateLimitedFor(err);
      if (retryAfterMs === undefined) return item.reject(err);
      const until = this.pauseNow() + retryAfterMs;
      lane.pausedUntil = Math.max(lane.pausedUntil, until);
      // Another instance (or another app's traffic) shares the workspace's limit: back off, then creep up.
      lane.rate = Math.max(MIN_RATE, lane.rate / 2);
      lane.tokens = 0;
      this.o.onRateLimited?.({ teamId, retryAfterMs });
      await this.pauses.pause(teamId, until).catch(() => undefined);
      if (retryAfterMs > this.limits.maxPauseWaitMs || item.signal?.aborted)
        item.reject(new DeliveryDeferred(retryAfterMs));
      else this.insert(lane, item);
      void this.pump(teamId, lane);
    } finally {
      lane.inFlight -= 1;
      lane.wake?.();
    }
  }

  /** The workspace is paused: everything queued goes back to its job, to come again when the pause ends. */
  private deferAll(lane: Lane, waitMs: number): void {
    for (const item of lane.queue.splice(0)) item.reject(new DeliveryDeferred(waitMs));
  }

  /** Posts that would still be waiting past their deadline go back to their jobs now. */
  private deferPast(lane: Lane, at: number): void {
    const now = this.now();
    for (const item of [...lane.queue]) {
      if (item.deadline >= at) continue;
      lane.queue.splice(lane.queue.indexOf(item), 1);
      item.reject(new DeliveryDeferred(Math.max(1, at - now)));
    }
  }

  private refill(lane: Lane, now: number): void {
    const earned = ((now - lane.refilledAt) / 1000) * lane.rate;
    // After a 429 the bucket refills to one post, not a burst: a burst is what Slack just refused.
    const cap = lane.rate < this.limits.workspacePerSecond ? 1 : this.limits.workspaceBurst;
    lane.tokens = Math.min(cap, lane.tokens + earned);
    lane.refilledAt = now;
  }

  /** Waits `ms`, or less when a new post arrives (it may be due earlier or for a free channel). */
  private sleep(lane: Lane, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        lane.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      lane.wake = done;
    });
  }
}
