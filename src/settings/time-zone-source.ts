import { ErrorCode, LumeError } from '../errors';
import type { SlackPerson } from './types';

/**
 * Where a person's time zone comes from (Slack's users.info; src/slack implements it, the job engine
 * gets it as the `people` port). A read stores what it found through ctx.settings.refreshTimeZone,
 * which tells the settings listeners (reminders, briefings) when the zone changed.
 */
export interface TimeZoneSource {
  /** Ask now, whatever any cache holds. Throws TimeZoneReadDeferred when Slack asks to wait (429). */
  rereadTimeZone(person: SlackPerson): Promise<void>;
}

/** Slack answered 429 (Retry-After): no more reads until then. */
export class TimeZoneReadDeferred extends LumeError {
  constructor(readonly retryAfterMs: number) {
    super(ErrorCode.TimeZoneReadDeferred, `Slack asked to wait ${retryAfterMs} ms before reading zones`);
  }
}
