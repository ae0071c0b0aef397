import { createHash } from 'node:crypto';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { Op, UniqueConstraintError } from 'sequelize';
import type { AppContext } from '../../context';

const KEEP_MS = 24 * 60 * 60 * 1000;
const PURGE_EVERY_MS = 10 * 60 * 1000;

type Body = {
  type?: string;
  event_id?: string;
  team_id?: string;
  trigger_id?: string;
  team?: { id?: string };
};

/**
 * What Slack makes unique per delivery: an Events API delivery's event_id, and the trigger_id of a
 * slash command or an interaction (a click, a modal submission, a shortcut), which Slack issues
 * afresh for every invocation. A trigger_id is hashed into the key so that its length never matters.
 */
function requestKey(body: Body): string | undefined {
  if (body.type === 'event_callback') return body.event_id || undefined;
  if (typeof body.trigger_id !== 'string' || !body.trigger_id) return undefined;
  return `trigger:${createHash('sha256').update(body.trigger_id).digest('hex').slice(0, 48)}`;
}

/**
 * Each Slack request is processed once. Events API deliveries are at-least-once: when Slack thinks a
 * delivery failed it sends it again with x-slack-retry-num. And any signed request — a slash command,
 * a Confirm click — can be replayed by whoever captured it, within the signature's five-minute window,
 * to this instance or another. Bolt has already verified the signature; this claims the request's key
 * with an INSERT on a unique key, and a request whose claim fails goes no further (a command or click
 * is acknowledged with an empty body, so the replayer learns nothing). Requests without such a key
 * (none of Slack's changing ones) pass through.
 */
export function dedupeEvents(ctx: AppContext): Middleware<AnyMiddlewareArgs> {
  let lastPurge = 0;
  return async (args) => {
    const { body, context, next } = args;
    const b = body as Body;
    const key = requestKey(b);
    if (!key) return next();
    const isEvent = b.type === 'event_callback';
    const log = isEvent
      ? { eventId: key, retryNum: context.retryNum, retryReason: context.retryReason }
      : { request: b.type ?? 'command', key };
    try {
      await ctx.db.models.SlackEvent.create({ eventId: key, teamId: b.team_id ?? b.team?.id ?? null });
    } catch (err) {
      if (!(err instanceof UniqueConstraintError)) throw err;
      ctx.log.info(
        log,
        isEvent ? 'duplicate Slack event delivery skipped' : 'duplicate Slack request skipped',
      );
      if ('ack' in args && typeof args.ack === 'function') await args.ack();
      return;
    }
    const now = Date.now();
    if (now - lastPurge > PURGE_EVERY_MS) {
      lastPurge = now;
      // Slack retries within the hour and signatures last five minutes; a day of keys is plenty. Not
      // awaited: the request does not wait on housekeeping.
      ctx.db.models.SlackEvent.destroy({ where: { createdAt: { [Op.lt]: new Date(now - KEEP_MS) } } }).catch(
        (e: unknown) => ctx.log.warn({ err: e }, 'slack_events purge failed'),
      );
    }
    await next();
    // After next(): every listener for this event has finished (tests wait for this line).
    if (isEvent) ctx.log.debug(log, 'Slack event processed');
  };
}
