import { ErrorCode as SlackErrorCode } from '@slack/web-api';
import { TimeZoneReadDeferred, type TimeZoneSource } from '../settings/time-zone-source';
import type { SlackUsers } from './slack-users';

/**
 * The job engine's `people` port over users.info. `users` must sit on a client that hands 429s back
 * (rejectRateLimitedCalls): a background pass stops and tries next time rather than waiting inside
 * the call while people's own requests need the same method. The read stores the zone itself
 * (SlackUsers' sink is ctx.settings) and refreshes the cache the interactive reads share.
 */
export function slackTimeZones(users: SlackUsers): TimeZoneSource {
  return {
    async rereadTimeZone(person) {
      try {
        await users.reread(person.teamId, person.slackUserId);
      } catch (err) {
        const e = err as { code?: string; retryAfter?: number };
        if (e.code === SlackErrorCode.RateLimitedError)
          throw new TimeZoneReadDeferred((e.retryAfter ?? 1) * 1000);
        throw err;
      }
    },
  };
}
