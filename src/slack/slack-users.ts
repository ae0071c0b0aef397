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
  /** When Lume asked Slack (a cached answer keeps the time of the read that filled the cache). */
  readAt: Date;
}

/** Where each fresh read of a person's zone is recorded (the settings service: reminders and briefings use it). */
export interface TimeZoneSink {
  refreshTimeZone(
    person: { teamId: string; slackUserId: string },
    tz: string,
    readAt: Date,
  ): Promise<unknown>;
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
    private readonly zones?: { sink: TimeZoneSink; now: () => Date },
  ) {}

  async info(teamId: string, userId: string): Promise<SlackUserInfo> {
    const key = `${teamId}:${userId}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const res = await this.client.users.info({ user: userId });
    const u = res.user;
    const info: SlackUserInfo = {
      tz: u?.tz || 'UTC',
      name: u?.profile?.display_name || u?.real_name || u?.name || 'there',
      isBot: !!u?.is_bot,
      readAt: this.zones?.now() ?? new Date(),
    };
    this.cache.set(key, info);
    await this.record(teamId, userId, info);
    return info;
  }

  /** users.info now, whatever the cache holds (the daily time-zone re-read). */
  async reread(teamId: string, userId: string): Promise<SlackUserInfo> {
    this.cache.delete(`${teamId}:${userId}`);
    return this.info(teamId, userId);
  }

  /**
   * Every fresh read of a person's zone is stored for what Lume does on its own (only for linked
   * people: the sink ignores anyone else). A failing store never fails the read that needed the zone.
   */
  private async record(teamId: string, userId: string, info: SlackUserInfo): Promise<void> {
    if (!this.zones || info.isBot) return;
    try {
      await this.zones.sink.refreshTimeZone({ teamId, slackUserId: userId }, info.tz, info.readAt);
    } catch (err) {
      this.log.warn({ err, teamId, userId }, 'could not store the Slack time zone');
    }
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
