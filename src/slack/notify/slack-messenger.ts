import type { WebClient } from '@slack/web-api';
import { ErrorCode as SlackErrorCode } from '@slack/web-api';
import type { Logger } from '../../log';
import {
  DeliveryDeferred,
  DeliveryRefused,
  type Messenger,
  type PostedNotice,
  type PostOptions,
} from '../../notify/messenger';
import type { Notice } from '../../notify/notices';
import type { SlackPerson } from '../../settings/types';
import { renderNotice } from '../blocks/notices';
import type { SlackPacer } from './pacer';

/** Slack errors that no retry can cure for this person: the message is dropped, not retried. */
const REFUSALS = new Set([
  'user_not_found',
  'users_not_found',
  'account_inactive',
  'user_disabled',
  'channel_not_found',
  'cannot_dm_bot',
  'not_allowed_token_type',
  'invalid_auth',
  'token_revoked',
  'team_access_not_granted',
  'message_not_found',
  'cant_update_message',
]);

/** The bot client of the person's workspace (one installation today). */
export type TeamClients = (teamId: string) => WebClient;

/** Today's one installation: its client, for the workspace the bot token belongs to. */
export const singleInstallation =
  (client: WebClient): TeamClients =>
  () =>
    client;

/**
 * src/notify's Messenger over Slack: renders each notice and posts it as a DM or updates it, each
 * call through the workspace's pacer (due order, Slack's limits, Retry-After). A person's DM is one
 * channel, so the pacer spaces their posts and updates by their user id.
 */
export function slackMessenger(o: { clients: TeamClients; pacer: SlackPacer; log: Logger }): Messenger {
  const rendered = (n: Notice) => {
    const r = renderNotice(n);
    if (!r) throw new DeliveryRefused(`no renderer for ${n.kind}`);
    return r;
  };
  return {
    async post(person: SlackPerson, notice: Notice, po: PostOptions): Promise<PostedNotice> {
      const { text, blocks } = rendered(notice);
      const client = o.clients(person.teamId);
      const res = await call(() =>
        o.pacer.send(
          person.teamId,
          person.slackUserId,
          po.dueAt,
          () => client.chat.postMessage({ channel: person.slackUserId, text, blocks, unfurl_links: false }),
          po.signal,
        ),
      );
      if (!res.channel || !res.ts) throw new Error('chat.postMessage answered without channel or ts');
      return { channel: res.channel, ts: res.ts };
    },
    async update(person: SlackPerson, at: PostedNotice, notice: Notice, uo = {}): Promise<void> {
      const { text, blocks } = rendered(notice);
      const client = o.clients(person.teamId);
      const { signal } = uo as { signal?: AbortSignal };
      await call(() =>
        o.pacer.send(
          person.teamId,
          person.slackUserId,
          new Date(),
          () => client.chat.update({ channel: at.channel, ts: at.ts, text, blocks }),
          signal,
        ),
      );
    },
  };
}

/** Slack's refusals and rate limits as the Messenger contract names them; anything else is rethrown (a retry may help). */
async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const e = err as { code?: string; retryAfter?: number; data?: { error?: string } };
    // The pacer waited out what it could; a 429 still here was longer than a post may wait.
    if (e.code === SlackErrorCode.RateLimitedError) throw new DeliveryDeferred((e.retryAfter ?? 1) * 1000);
    const error = e.data?.error;
    if (e.code === SlackErrorCode.PlatformError && error && REFUSALS.has(error))
      throw new DeliveryRefused(error);
    throw err;
  }
}
