import { EventEmitter } from 'node:events';
import { FakeRateLimits } from './rate-limits';

export interface FakeSlackUser {
  id: string;
  name: string;
  realName?: string;
  /** IANA zone as Slack's users.info returns it. */
  tz?: string;
  isBot?: boolean;
  /** Profile e-mail, returned to apps with users:read.email. */
  email?: string;
  /** A deactivated account (users.info still answers, with deleted: true). */
  deleted?: boolean;
}

/** A channel Lume may be asked about (conversations.info / conversations.members). */
export interface FakeChannel {
  id: string;
  name: string;
  members: string[];
  isPrivate?: boolean;
  /** Private channels answer only when Lume was added to them. */
  botIsMember?: boolean;
}

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
}

export interface FakeMessage {
  channel: string;
  ts: string;
  text?: string;
  blocks?: unknown[];
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  /** Set for chat.postEphemeral: only this user sees it. */
  ephemeralTo?: string;
  /** A streamed message: every chunk Slack received for it, in order (markdown_text included). */
  chunks?: Record<string, unknown>[];
  /** chat.startStream's task_display_mode (timeline by default). */
  taskDisplayMode?: string;
  /** A streamed message: in progress until chat.stopStream. */
  streaming?: boolean;
}

export interface ResponseUrlPost {
  url: string;
  body: Record<string, unknown>;
}

/**
 * Everything the fake Slack knows and recorded. Specs read it, seed users, inject failures and wait
 * for calls — waiting is on recorded events, never on timers.
 */
export class FakeSlackState extends EventEmitter {
  readonly teamId = 'T0LUME';
  readonly appId = 'A0LUME';
  readonly botUserId = 'U0LUMEBOT';
  readonly botId = 'B0LUME';
  readonly botTokens = new Set(['xoxb-test-token']);
  readonly appTokens = new Set(['xapp-1-A0LUME-test']);
  readonly users = new Map<string, FakeSlackUser>();
  readonly channels = new Map<string, FakeChannel>();
  readonly calls: SlackCall[] = [];
  readonly messages: FakeMessage[] = [];
  readonly responses: ResponseUrlPost[] = [];
  /** Last view published per user (views.publish). */
  readonly homeViews = new Map<string, { type: string; blocks: unknown[] }>();
  /** Every modal views.open opened, as Slack returned it (id, hash, blocks…), oldest first. */
  readonly openedViews: Record<string, unknown>[] = [];
  /** trigger_ids already exchanged for a modal: Slack takes each once. */
  readonly usedTriggers = new Set<string>();
  /**
   * Answer these methods with {ok:false, error}, `times` times (default: always). With `retryAfter`
   * the answer is Slack's rate limit instead: HTTP 429, `Retry-After: <seconds>`, error `ratelimited`.
   */
  /** Slack's rate limits, when a spec configures rules: 429 + Retry-After, and counts of 429s and unhonoured waits. */
  readonly rateLimits = new FakeRateLimits();
  failures: { method: string; error: string; times?: number; retryAfter?: number }[] = [];

  private tsCounter = 0;
  private responseCounter = 0;
  baseUrl = '';

  addUser(user: FakeSlackUser): FakeSlackUser {
    this.users.set(user.id, user);
    return user;
  }

  addChannel(channel: FakeChannel): FakeChannel {
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** The task_update chunks a streamed message received, in order. */
  taskUpdates(message: FakeMessage): Record<string, unknown>[] {
    return (message.chunks ?? []).filter((c) => c.type === 'task_update');
  }

  nextTs(): string {
    this.tsCounter += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  /** A response_url for a slash command or button payload; posts to it land in `responses`. */
  responseUrl(): string {
    this.responseCounter += 1;
    return `${this.baseUrl}/response/${this.responseCounter}`;
  }

  record<T extends SlackCall | ResponseUrlPost>(list: T[], entry: T): void {
    list.push(entry);
    this.emit('change');
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  responsesTo(url: string): ResponseUrlPost[] {
    return this.responses.filter((r) => r.url === url);
  }

  /** Resolves with the first value `find` returns, checking now and after every recorded call. */
  waitFor<T>(find: () => T | undefined, what = 'a Slack call', timeoutMs = 5000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = find();
        if (found === undefined) return;
        clearTimeout(timer);
        this.off('change', check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.off('change', check);
        const seen = this.calls.map((c) => c.method).join(', ') || 'none';
        reject(new Error(`fake Slack: timed out waiting for ${what}; calls so far: ${seen}`));
      }, timeoutMs);
      check();
      this.on('change', check);
    });
  }

  waitForCall(
    method: string,
    match: (c: SlackCall) => boolean = () => true,
    count = 1,
  ): Promise<SlackCall[]> {
    return this.waitFor(() => {
      const hits = this.calls.filter((c) => c.method === method && match(c));
      return hits.length >= count ? hits : undefined;
    }, `${count} × ${method}`);
  }

  waitForResponse(url: string, count = 1): Promise<ResponseUrlPost[]> {
    return this.waitFor(() => {
      const hits = this.responsesTo(url);
      return hits.length >= count ? hits : undefined;
    }, `${count} post(s) to ${url}`);
  }

  takeFailure(method: string): { error: string; retryAfter?: number } | undefined {
    const f = this.failures.find((x) => x.method === method && (x.times === undefined || x.times > 0));
    if (!f) return undefined;
    if (f.times !== undefined) f.times -= 1;
    return f;
  }
}
