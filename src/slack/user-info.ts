import type { WebClient } from '@slack/web-api';

export interface SlackUserInfo {
  /** IANA zone, e.g. America/Los_Angeles; UTC when Slack does not say. */
  tz: string;
  /** Display name for greetings and the agent's system prompt. */
  name: string;
  isBot: boolean;
}

const TTL_MS = 10 * 60 * 1000;
const cache = new Map<string, { at: number; info: SlackUserInfo }>();

/**
 * users.info, cached for ten minutes per team+user: every agenda and agent turn needs the
 * person's time zone, and Slack rate-limits users.info (Tier 4).
 */
export async function slackUserInfo(
  client: WebClient,
  teamId: string,
  userId: string,
): Promise<SlackUserInfo> {
  const key = `${teamId}:${userId}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.info;
  const res = await client.users.info({ user: userId });
  const u = res.user;
  const info: SlackUserInfo = {
    tz: u?.tz || 'UTC',
    name: u?.profile?.display_name || u?.real_name || u?.name || 'there',
    isBot: !!u?.is_bot,
  };
  cache.set(key, { at: Date.now(), info });
  return info;
}

/** Tests change a user's zone between cases. */
export function clearSlackUserCache(): void {
  cache.clear();
}
