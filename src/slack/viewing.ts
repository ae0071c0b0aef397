import type { WebClient } from '@slack/web-api';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../log';
import { MINUTE_MS } from '../time/duration';
import type { Viewing } from '../tools/lib/directory';

/** How long "the channel they have open" holds without a new app_context_changed. */
const TTL_MS = 30 * MINUTE_MS;
const MAX_PEOPLE = 5000;

/** Slack's app_context: what the person is looking at, most relevant entity first. */
export interface SlackAppContext {
  entities?: { type?: string; value?: unknown }[];
}

/** Public and private channels only: a DM, canvas or list is not a group of people to meet. */
const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;

/**
 * The channel an app_context names first; null when the context names none (the person is looking
 * at something else), undefined when there was no context at all.
 */
export function channelFromContext(context: SlackAppContext | undefined): string | null | undefined {
  if (!context) return undefined;
  const channel = (context.entities ?? []).find((e) => e.type === 'slack#/types/channel_id')?.value;
  return typeof channel === 'string' && CHANNEL_ID.test(channel) ? channel : null;
}

/** The latest channel per person and channel names, aged on the app's clock. */
export function viewingCaches(now: () => Date) {
  const perf = { now: () => now().getTime() };
  return {
    channels: new LRUCache<string, string>({ max: MAX_PEOPLE, ttl: TTL_MS, perf }),
    names: new LRUCache<string, string>({ max: MAX_PEOPLE, ttl: TTL_MS, perf }),
  };
}

/**
 * Where each person is looking under the agent view. app_context_changed updates it; a DM's own
 * app_context (sent with message.im) wins over it, because it cannot be stale. Kept in memory only:
 * it is a hint, not data worth storing, and every DM carries its own.
 */
export class ViewingContexts {
  constructor(
    private readonly client: WebClient,
    private readonly caches: ReturnType<typeof viewingCaches>,
    private readonly log: Logger,
  ) {}

  /** Record what an app_context says the person has open (null: no channel). */
  update(teamId: string, userId: string, channelId: string | null): void {
    const key = `${teamId}:${userId}`;
    if (channelId) this.caches.channels.set(key, channelId);
    else this.caches.channels.delete(key);
  }

  /** The channel the person has open, with its name (conversations.info, cached), if known. */
  async of(teamId: string, userId: string, context?: SlackAppContext): Promise<Viewing | undefined> {
    const fresh = channelFromContext(context);
    if (fresh !== undefined) this.update(teamId, userId, fresh);
    const channelId = fresh === undefined ? this.caches.channels.get(`${teamId}:${userId}`) : fresh;
    if (!channelId) return undefined;
    const name = await this.nameOf(channelId);
    return { channelId, ...(name ? { name } : {}) };
  }

  private async nameOf(channelId: string): Promise<string | undefined> {
    const cached = this.caches.names.get(channelId);
    if (cached) return cached;
    try {
      const res = await this.client.conversations.info({ channel: channelId });
      const name = res.channel?.name;
      if (name) this.caches.names.set(channelId, name);
      return name;
    } catch (err) {
      this.log.debug({ err, channelId }, 'channel name unavailable');
      return undefined;
    }
  }
}
