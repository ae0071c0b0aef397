import { Op } from 'sequelize';
import { DAY_MS, HOUR_MS } from '../time/duration';
import type { RecurringJob } from './types';

/**
 * RSVP claims only need to outlive a burst of repeated clicks: once an answer went through, the
 * event's `updated` moved on, so any later click on those buttons is refused as stale anyway.
 */
export const RSVP_CLAIM_RETENTION_MS = 7 * DAY_MS;

export const purgeRsvpClaims: RecurringJob = {
  name: 'purge-rsvp-claims',
  everyMs: HOUR_MS,
  run: (ctx) =>
    ctx.db.models.RsvpClaim.destroy({
      where: { claimedAt: { [Op.lt]: new Date(ctx.now().getTime() - RSVP_CLAIM_RETENTION_MS) } },
    }),
};
