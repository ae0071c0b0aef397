import { TimeZoneReadDeferred } from '../settings/time-zone-source';
import { MINUTE_MS } from '../time/duration';
import type { RecurringJob } from './types';

export const REREAD_EVERY_MS = 5 * MINUTE_MS;
/**
 * People re-read per pass, oldest reads first: 288 passes a day × 50 = 14,400 people a day, so 10k
 * people are each read daily in small steps, never a burst, and a pass's 50 users.info calls stay
 * well inside that method's limit (Tier 4, 100+ a minute) beside people's own requests.
 */
export const REREAD_BATCH = 50;

/**
 * "Time zone follows Slack, re-read daily, so a traveller's reminders follow them": each pass asks
 * Slack again about the connected people whose zone was read longest ago (more than a day). A changed
 * zone reaches ctx.settings.refreshTimeZone, whose listeners re-plan reminders and briefings. A 429
 * ends the pass without failing it: the rest are still the oldest next time.
 */
export const rereadTimeZones: RecurringJob = {
  name: 'reread-time-zones',
  everyMs: REREAD_EVERY_MS,
  async run(ctx, ports) {
    const people = ports.people;
    if (!people) return 0;
    let read = 0;
    for (const person of await ctx.settings.staleTimeZones({ limit: REREAD_BATCH })) {
      try {
        await people.rereadTimeZone(person);
        read += 1;
      } catch (err) {
        if (err instanceof TimeZoneReadDeferred) {
          ctx.log.info(
            { retryAfterMs: err.retryAfterMs, read },
            'Slack asked the time-zone re-read to wait; the rest wait for the next pass',
          );
          break;
        }
        // One person Slack cannot answer for (left the workspace…) does not hold up the others, nor
        // stay the oldest read every pass: the zone they have counts as read, and is asked again tomorrow.
        ctx.log.warn({ err, teamId: person.teamId }, 'could not re-read a Slack time zone');
        if (person.timeZone) await ctx.settings.refreshTimeZone(person, person.timeZone, ctx.now());
      }
    }
    return read;
  },
};
