import type { WebClient } from '@slack/web-api';
import { LRUCache } from 'lru-cache';
import type { Directories } from '../../agent/ports';
import type { Logger } from '../../log';
import { MINUTE_MS } from '../../time/duration';
import { safeZone } from '../../time/zone';
import type { Directory, DirectoryEntry } from '../../tools/lib/directory';
import type { SlackUserInfo, SlackUsers } from '../slack-users';

const TTL_MS = 10 * MINUTE_MS;
/** users.list pages: Slack suggests at most 200 per page. */
const PAGE = 200;
/** conversations.members pages: Slack allows up to 1000. */
const MEMBERS_PAGE = 1000;

/** Whole-workspace member lists (users.list), per team, aged on the app's clock. */
export function slackDirectoryCache(now: () => Date): LRUCache<string, DirectoryEntry[]> {
  return new LRUCache({ max: 100, ttl: TTL_MS, perf: { now: () => now().getTime() } });
}

const SLACK_ERROR = (err: unknown) => (err as { data?: { error?: string } }).data?.error;

const entryOf = (slackUserId: string, u: SlackUserInfo): DirectoryEntry => ({
  slackUserId,
  name: u.name,
  ...(u.realName ? { realName: u.realName } : {}),
  ...(u.handle ? { handle: u.handle } : {}),
  timeZone: safeZone(u.tz),
  ...(u.email ? { email: u.email } : {}),
  isBot: u.isBot,
  deleted: !!u.deleted,
});

/**
 * The workspace directory on Slack's Web API: users.info per person (through SlackUsers' cache),
 * users.lookupByEmail, users.list for names (Tier 2: read once per team and cached for TTL_MS, one
 * read at a time), conversations.members for "this channel". The Web API client waits out 429s.
 */
export class SlackDirectories implements Directories {
  private readonly listing = new Map<string, Promise<DirectoryEntry[]>>();

  constructor(
    private readonly client: WebClient,
    private readonly users: SlackUsers,
    private readonly lists: LRUCache<string, DirectoryEntry[]>,
    private readonly log: Logger,
  ) {}

  of(teamId: string): Directory {
    return {
      member: (id) => this.member(teamId, id),
      byEmail: (email) => this.byEmail(teamId, email),
      everyone: () => this.everyone(teamId),
      channelMembers: (channelId, max) => this.channelMembers(channelId, max),
    };
  }

  private async member(teamId: string, id: string): Promise<DirectoryEntry | undefined> {
    try {
      return entryOf(id, await this.users.info(teamId, id));
    } catch (err) {
      if (SLACK_ERROR(err) === 'user_not_found') return undefined;
      throw err;
    }
  }

  private async byEmail(teamId: string, email: string): Promise<DirectoryEntry | undefined> {
    const known = this.lists.get(teamId)?.find((e) => e.email?.toLowerCase() === email.toLowerCase());
    if (known) return known;
    try {
      const res = await this.client.users.lookupByEmail({ email });
      if (!res.user?.id) return undefined;
      const info = this.users.remember(teamId, res.user.id, res.user);
      return entryOf(res.user.id, info);
    } catch (err) {
      if (SLACK_ERROR(err) === 'users_not_found') return undefined;
      throw err;
    }
  }

  private everyone(teamId: string): Promise<DirectoryEntry[]> {
    const cached = this.lists.get(teamId);
    if (cached) return Promise.resolve(cached);
    let pending = this.listing.get(teamId);
    if (!pending) {
      pending = this.readAll(teamId).finally(() => this.listing.delete(teamId));
      this.listing.set(teamId, pending);
    }
    return pending;
  }

  private async readAll(teamId: string): Promise<DirectoryEntry[]> {
    const all: DirectoryEntry[] = [];
    let cursor: string | undefined;
    do {
      const res = await this.client.users.list({ limit: PAGE, ...(cursor ? { cursor } : {}) });
      for (const u of res.members ?? []) {
        if (!u.id) continue;
        const info = this.users.remember(teamId, u.id, u);
        all.push(entryOf(u.id, info));
      }
      cursor = res.response_metadata?.next_cursor || undefined;
    } while (cursor);
    this.lists.set(teamId, all);
    this.log.debug({ teamId, members: all.length }, 'workspace directory read');
    return all;
  }

  private async channelMembers(channel: string, max: number): Promise<{ ids: string[]; more: boolean }> {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await this.client.conversations.members({
        channel,
        limit: Math.min(MEMBERS_PAGE, max - ids.length + 1),
        ...(cursor ? { cursor } : {}),
      });
      ids.push(...(res.members ?? []));
      cursor = res.response_metadata?.next_cursor || undefined;
    } while (cursor && ids.length <= max);
    return { ids: ids.slice(0, max), more: ids.length > max || !!cursor };
  }
}
