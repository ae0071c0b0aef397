import type { WebClient } from '@slack/web-api';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../log';
import { MINUTE_MS } from '../time/duration';
import { safeZone } from '../time/zone';

export interface SlackUserInfo {
  /** IANA zone, e.g. America/Los_Angeles; UTC when Slack does not say. */
  tz: string;
  /** Display name for greetings and the agent's system prompt. */
  name: string;
  isBot: boolean;
  /** Full name and handle, for finding teammates by name. */
  realName?: string;
  handle?: string;
  /** Profile e-mail (users:read.email); the invitation address of a teammate not linked to Lume. */
  email?: string;
  deleted?: boolean;
}

/** The fields Lume reads of a member, as users.info, users.list and users.lookupByEmail return them. */
interface SlackUser {
  id?: string;
  tz?: string;
  name?: string;
  real_name?: string;
  is_bot?: boolean;
  deleted?: boolean;
  profile?: { display_name?: string; real_name?: string; email?: string };
}

/** A users.info / users.list / users.lookupByEmail member as Lume keeps it. */
export function userInfoOf(u: SlackUser | undefined): SlackUserInfo {
  return {
    tz: u?.tz || 'UTC',
    name: u?.profile?.display_name || u?.real_name || u?.name || 'there',
    isBot: !!u?.is_bot || u?.id === 'USLACKBOT',
    ...(u?.real_name || u?.profile?.real_name ? { realName: u?.real_name || u?.profile?.real_name } : {}),
    ...(u?.name ? { handle: u.name } : {}),
    ...(u?.profile?.email ? { email: u.profile.email } : {}),
    ...(u?.deleted ? { deleted: true } : {}),
  };
}

const TTL_MS = 10 * MINUTE_MS;
const MAX_PEOPLE = 5000;

/** users.info answers, at most MAX_PEOPLE for TTL_MS each, aged on the app's clock. */
export function slackUserCache(now: () => Date): LRUCache<string, SlackUserInfo> {
  return new LRUCache({ max: MAX_PEOPLE, ttl: TTL_MS, perf: { now: () => now().getTime() } });
}

/**
 * Who a Slack user is: users.info, cached per team+user in the cache it is given. Every agenda and
 * agent turn needs the person's time zone, and Slack rate-limits users.info (Tier 4).
 */
export class SlackUsers {
  constructor(
    private readonly client: WebClient,
    private readonly cache: LRUCache<string, SlackUserInfo>,
    private readonly log: Logger,
  ) {}

  async info(teamId: string, userId: string): Promise<SlackUserInfo> {
    const key = `${teamId}:${userId}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const res = await this.client.users.info({ user: userId });
    const info = userInfoOf(res.user);
    this.cache.set(key, info);
    return info;
  }

  /** Remember a member read some other way (users.list, users.lookupByEmail). */
  remember(teamId: string, userId: string, info: SlackUserInfo): void {
    this.cache.set(`${teamId}:${userId}`, info);
  }

  /**
   * The person's IANA time zone. If Slack cannot say, UTC — the agenda prints the zone it used, so
   * the person sees why times look off.
   */
  async zone(teamId: string, userId: string): Promise<string> {
    try {
      return safeZone((await this.info(teamId, userId)).tz);
    } catch (err) {
      this.log.warn({ err, teamId, userId }, 'users.info failed; using UTC');
      return 'UTC';
    }
  }
}
