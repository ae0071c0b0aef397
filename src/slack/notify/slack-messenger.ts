import type { WebClient } from '@slack/web-api';
import { ErrorCode as SlackErrorCode } from '@slack/web-api';
import type { Logger } from '../../log';
import { DeliveryDeferred, DeliveryRefused, type Messenger, type PostedNotice } from '../../notify/messenger';
import type { Notice } from '../../notify/notices';
import type { SlackPerson } from '../../settings/types';
import { renderNotice } from '../blocks/notices';

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

/** src/notify's Messenger over Slack: renders each notice, posts it as a DM or updates it. */
export function slackMessenger(o: { clients: TeamClients; log: Logger }): Messenger {
  const rendered = (n: Notice) => {
    const r = renderNotice(n);
    if (!r) throw new DeliveryRefused(`no renderer for ${n.kind}`);
    return r;
  };
  return {
    async post(person: SlackPerson, notice: Notice): Promise<PostedNotice> {
      const { text, blocks } = rendered(notice);
      const res = await call(() =>
        o
          .clients(person.teamId)
          .chat.postMessage({ channel: person.slackUserId, text, blocks, unfurl_links: false }),
      );
      if (!res.channel || !res.ts) throw new Error('chat.postMessage answered without channel or ts');
      return { channel: res.channel, ts: res.ts };
    },
    async update(person: SlackPerson, at: PostedNotice, notice: Notice): Promise<void> {
      const { text, blocks } = rendered(notice);
      await call(() =>
        o.clients(person.teamId).chat.update({ channel: at.channel, ts: at.ts, text, blocks }),
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
    if (e.code === SlackErrorCode.RateLimitedError) throw new DeliveryDeferred((e.retryAfter ?? 1) * 1000);
    const error = e.data?.error;
    if (e.code === SlackErrorCode.PlatformError && error && REFUSALS.has(error))
      throw new DeliveryRefused(error);
    throw err;
  }
}
