import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { Op, UniqueConstraintError } from 'sequelize';
import type { AppContext } from '../../context';

const KEEP_MS = 24 * 60 * 60 * 1000;
const PURGE_EVERY_MS = 10 * 60 * 1000;

/**
 * Events API deliveries are at-least-once: when Slack thinks a delivery failed it sends it again with
 * x-slack-retry-num. Bolt has already acknowledged the event (so Slack stops retrying); this claims
 * its event_id with an INSERT on a unique key, and a delivery whose claim fails — a retry, on this
 * instance or another — goes no further. Commands and actions have no event_id and pass through.
 */
export function dedupeEvents(ctx: AppContext): Middleware<AnyMiddlewareArgs> {
  let lastPurge = 0;
  return async ({ body, context, next }) => {
    const b = body as { type?: string; event_id?: string; team_id?: string };
    if (b.type !== 'event_callback' || !b.event_id) return next();
    const log = { eventId: b.event_id, retryNum: context.retryNum, retryReason: context.retryReason };
    try {
      await ctx.db.models.SlackEvent.create({ eventId: b.event_id, teamId: b.team_id ?? null });
    } catch (err) {
      if (err instanceof UniqueConstraintError) {
        ctx.log.info(log, 'duplicate Slack event delivery skipped');
        return;
      }
      throw err;
    }
    const now = Date.now();
    if (now - lastPurge > PURGE_EVERY_MS) {
      lastPurge = now;
      // Slack retries within the hour; a day of ids is plenty. Not awaited: the event does not wait on housekeeping.
      ctx.db.models.SlackEvent.destroy({ where: { createdAt: { [Op.lt]: new Date(now - KEEP_MS) } } }).catch(
        (e: unknown) => ctx.log.warn({ err: e }, 'slack_events purge failed'),
      );
    }
    await next();
    // After next(): every listener for this event has finished (tests wait for this line).
    ctx.log.debug(log, 'Slack event processed');
  };
}
