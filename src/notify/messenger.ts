import { ErrorCode, LumeError } from '../errors';
import type { SlackPerson } from '../settings/types';
import type { Notice } from './notices';

/** Where a posted notice is, to update it later (an invitation's answer). */
export interface PostedNotice {
  channel: string;
  ts: string;
}

export interface PostOptions {
  /** When the notice was due: a burst is delivered in due order. */
  dueAt: Date;
  signal?: AbortSignal;
}

/**
 * How src/notify's jobs reach people (a JobPorts member): src/slack implements it with the workspace's
 * bot client, rendering each notice kind, pacing posts under Slack's rate limits and honouring
 * Retry-After. Neither method retries a refusal; a 429 that cannot be waited out inside the call
 * throws DeliveryDeferred, and the job snoozes.
 */
export interface Messenger {
  /** DM the person; resolves once Slack has the message. */
  post(person: SlackPerson, notice: Notice, o: PostOptions): Promise<PostedNotice>;
  /** Replace a posted notice's content (chat.update). */
  update(person: SlackPerson, at: PostedNotice, notice: Notice, o?: { signal?: AbortSignal }): Promise<void>;
}

/** Slack asked to wait (429 Retry-After) longer than a post may: try again after `retryAfterMs`. */
export class DeliveryDeferred extends LumeError {
  constructor(readonly retryAfterMs: number) {
    super(ErrorCode.DeliveryDeferred, `Slack asked to wait ${retryAfterMs} ms`);
  }
}

/** Slack will not take this message for this person (left the workspace, app uninstalled…): do not retry. */
export class DeliveryRefused extends LumeError {
  constructor(readonly reason: string) {
    super(ErrorCode.DeliveryRefused, `Slack refused the message: ${reason}`);
  }
}
