import { MINUTE_MS } from '../time/duration';
import { safeZone } from '../time/zone';
import type { Messenger } from './messenger';
import type { LeaveNowNotice, ReminderNotice } from './notices';
import { type Attempt, REMINDER_JOB, type ReminderDeps } from './reminder-deps';
import { readEventAtSend } from './reminder-event';
import type { ReminderPayload } from './reminder-payload';
import { isRemindedEvent, isStale, leaveNowDueAt, reminderDueAt, reminderJobKey } from './reminder-rules';
import { noticeKey } from './sent-notices';

/** At most once per event and start time, whether it went as a reminder or as leave-now. */
export const reminderNoticeKey = (p: Pick<ReminderPayload, 'identityId' | 'eventId' | 'start'>) =>
  noticeKey('reminder', p.identityId, p.eventId, String(Date.parse(p.start)));

/** When this reminder is due: the leave-now time when it carries a trip, else start − lead. */
export const dueAtOf = (p: ReminderPayload): Date =>
  p.travel
    ? leaveNowDueAt(new Date(p.start), p.travel.seconds, p.leadMinutes)
    : reminderDueAt(new Date(p.start), p.leadMinutes);

/**
 * The reminder DM at its due time. Google is asked again (the event may have moved, been cancelled
 * or declined since the plan), the notice is built from what Google says now, and it is posted once
 * per event and start: ctx.notices is checked before and written right after the one Slack call.
 * Throws the messenger's DeliveryDeferred / DeliveryRefused and Google's revocation for the job to sort.
 */
export async function sendReminder(
  ctx: ReminderDeps,
  messenger: Messenger,
  p: ReminderPayload,
  attempt: Attempt,
): Promise<void> {
  const log = ctx.log.child({ job: attempt.id, identityId: p.identityId });
  const key = reminderNoticeKey(p);
  if (await ctx.notices.find(key)) return;
  const person = { teamId: p.teamId, slackUserId: p.slackUserId };
  const [user, settings] = await Promise.all([
    ctx.db.models.User.findByPk(p.userId),
    ctx.settings.get(person),
  ]);
  if (user?.status !== 'connected' || !settings.reminders.enabled) return;
  const event = await readEventAtSend(ctx, user, p.eventId, attempt.signal);
  if (!event || !isRemindedEvent(event.facts)) {
    log.info('reminder dropped: the event is gone, cancelled, declined or no longer a meeting');
    return;
  }
  if (event.facts.start.getTime() !== Date.parse(p.start)) return replan(ctx, p, event.facts.start);
  const dueAt = dueAtOf(p);
  const now = ctx.now();
  if (isStale(now, dueAt, event.facts.start)) {
    log.warn({ lateMs: now.getTime() - dueAt.getTime() }, 'reminder skipped: the meeting already started');
    return;
  }
  // What the DM says is counted from when it goes (a snoozed or late one still tells the truth).
  const goAt = p.travel ? leaveNowDueAt(event.facts.start, p.travel.seconds, 0) : event.facts.start;
  const base = {
    timeZone: safeZone(settings.timeZone),
    event: event.notice,
    minutesToGo: Math.max(0, Math.round((goAt.getTime() - now.getTime()) / MINUTE_MS)),
    rsvp: event.facts.response === 'needsAction' ? { owner: p.slackUserId, version: event.updated } : null,
  };
  const notice: ReminderNotice | LeaveNowNotice = p.travel
    ? {
        ...base,
        kind: 'leave-now',
        travelMode: p.travel.mode,
        travelSeconds: p.travel.seconds,
        routeUrl: p.travel.routeUrl,
      }
    : { ...base, kind: 'reminder' };
  // The lease was lost or the engine is stopping: not sent here (the attempt fails; the job runs again).
  attempt.signal.throwIfAborted();
  const posted = await messenger.post(person, notice, { dueAt, signal: attempt.signal });
  await ctx.notices.record({ key, identityId: p.identityId, kind: notice.kind, eventId: p.eventId, posted });
  ctx.telemetry.notificationSent(notice.kind === 'leave-now' ? 'leave_now' : 'reminder');
}

/** Google has another start than planned (sync has not caught up yet): follow it while its due time is ahead. */
async function replan(ctx: ReminderDeps, p: ReminderPayload, start: Date): Promise<void> {
  const next: ReminderPayload = { ...p, start: start.toISOString(), travel: undefined };
  const runAt = dueAtOf(next);
  if (runAt <= ctx.now()) return;
  await ctx.jobs.enqueue({
    kind: REMINDER_JOB,
    key: reminderJobKey(p.identityId, p.eventId),
    payload: next,
    runAt,
    onConflict: 'replace',
  });
}
