import { routeUrl, travelSeconds } from './leave-now-route';
import { type Attempt, REMINDER_JOB, type ReminderDeps } from './reminder-deps';
import { readEventAtSend } from './reminder-event';
import type { LeaveNowPayload, ReminderPayload } from './reminder-payload';
import { isPlace, isRemindedEvent, leaveNowDueAt, reminderDueAt, reminderJobKey } from './reminder-rules';
import { reminderNoticeKey } from './reminder-send';

/** Driving at rush hour: traffic is asked for at about when the person will leave. */
const EXPECTED_TRIP_MINUTES = 30;

/**
 * Leave-now, planned close to the trip: when the event's location is a place, Routes gives the
 * travel time in the person's mode, and the event's one reminder job moves to start − travel − lead
 * with the trip in it. Anything else (an online meeting, no route, Routes failing) leaves the
 * ordinary reminder as it was planned. Returns what it did, for the log.
 */
export async function planLeaveNow(
  ctx: ReminderDeps,
  p: LeaveNowPayload,
  attempt: Attempt,
): Promise<'planned' | 'no-place' | 'no-route' | 'routes-failed' | 'skipped'> {
  const { mapsApiKey, apiRootUrl } = ctx.config.google;
  if (!mapsApiKey || (await ctx.notices.find(reminderNoticeKey(p)))) return 'skipped';
  const maps = { apiKey: mapsApiKey, rootUrl: apiRootUrl, calls: ctx.telemetry };
  const person = { teamId: p.teamId, slackUserId: p.slackUserId };
  const [settings, user] = await Promise.all([
    ctx.settings.get(person),
    ctx.db.models.User.findByPk(p.userId),
  ]);
  if (!settings.reminders.enabled || !settings.location || user?.status !== 'connected') return 'skipped';
  const event = await readEventAtSend(ctx, user, p.eventId, attempt.signal);
  if (!event || !isRemindedEvent(event.facts) || event.facts.start.getTime() !== Date.parse(p.start))
    return 'skipped';
  const to = event.notice.location;
  if (!isPlace(to)) return 'no-place';
  const start = new Date(p.start);
  let seconds: number | null;
  try {
    seconds = await travelSeconds(maps, {
      from: settings.location,
      to,
      mode: settings.travelMode,
      departAt: leaveNowDueAt(start, EXPECTED_TRIP_MINUTES * 60, p.leadMinutes),
      now: ctx.now(),
      signal: attempt.signal,
    });
  } catch (err) {
    if (attempt.signal.aborted) throw err;
    ctx.log.warn({ err, job: attempt.id }, 'leave-now: Routes failed; the ordinary reminder stands');
    return 'routes-failed';
  }
  if (seconds === null) return 'no-route';
  const reminder: ReminderPayload = {
    ...p,
    travel: {
      seconds,
      mode: settings.travelMode,
      routeUrl: routeUrl(settings.location, to, settings.travelMode),
    },
  };
  const ordinary = reminderDueAt(start, p.leadMinutes);
  const leave = leaveNowDueAt(start, seconds, p.leadMinutes);
  await ctx.jobs.enqueue({
    kind: REMINDER_JOB,
    key: reminderJobKey(p.identityId, p.eventId),
    payload: reminder,
    // Never later than the ordinary reminder would have gone.
    runAt: new Date(Math.min(leave.getTime(), ordinary.getTime())),
    onConflict: 'replace',
  });
  return 'planned';
}
