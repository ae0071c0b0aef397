import type { CalendarChange, CalendarChangeBatch, CalendarEventState } from '../calendar/feed';
import type { PersonSettings, SlackPerson } from '../settings/types';
import { DAY_MS } from '../time/duration';
import { LEAVE_NOW_JOB, REMINDER_JOB, REPLAN_REMINDERS_JOB, type ReminderDeps } from './reminder-deps';
import type { LeaveNowPayload } from './reminder-payload';
import {
  isRemindedEvent,
  LEAVE_NOW_PLAN_AHEAD_MS,
  leaveNowJobKey,
  leaveNowPossible,
  personJobPrefixes,
  plannedJobPrefixes,
  reminderDueAt,
  reminderJobKey,
  replanJobKey,
} from './reminder-rules';

/** How far ahead a settings change re-plans a person's stored events. */
const REPLAN_HORIZON_MS = 400 * DAY_MS;

/** One Slack person reminded of a Google user's events. */
interface Target {
  identityId: number;
  person: SlackPerson;
  userId: string;
  settings: PersonSettings;
}

/**
 * Plans meeting reminders as jobs: one `reminder` job per Slack identity and event (replaced when the
 * event moves or the settings change, deleted when it is cancelled, declined or no longer a meeting),
 * and, when leave-now can apply, a `leave-now` job that later moves that same reminder to when the
 * person should leave. Subscribes to calendar changes (initial batches too: reminders are not
 * announcements), to settings changes, and to unlinking (the person's jobs go with them).
 */
export function planReminders(ctx: ReminderDeps): void {
  ctx.calendar.onChanges((batch) => onBatch(ctx, batch));
  // A settings change is heard inside the command or the modal's Save (Slack's 3 s): re-planning a
  // whole calendar is a job, one statement here.
  ctx.settings.onChanged(async ({ person, before, after }) => {
    if (!affectsPlan(before, after)) return;
    const identityId = await ctx.notices.identityId(person);
    if (identityId === null) return;
    await ctx.jobs.enqueue({
      kind: REPLAN_REMINDERS_JOB,
      key: replanJobKey(identityId),
      payload: person,
      onConflict: 'replace',
    });
  });
  ctx.hooks.onIdentityUnlinked(async ({ teamId, slackUserId }) => {
    const id = await ctx.notices.identityId({ teamId, slackUserId });
    if (id !== null) await cancelPerson(ctx, id);
  });
  ctx.hooks.onAccountForgotten(async ({ userId }) => {
    const identities = await ctx.db.models.SlackIdentity.findAll({ attributes: ['id'], where: { userId } });
    for (const i of identities) await cancelPerson(ctx, i.id);
  });
}

/** Lead, on/off, location and travel mode change what is planned; the zone is read at send time. */
function affectsPlan(a: PersonSettings, b: PersonSettings): boolean {
  return (
    a.reminders.enabled !== b.reminders.enabled ||
    a.reminders.leadMinutes !== b.reminders.leadMinutes ||
    !!a.location !== !!b.location ||
    a.location?.placeId !== b.location?.placeId ||
    a.location?.input !== b.location?.input ||
    a.travelMode !== b.travelMode
  );
}

async function onBatch(ctx: ReminderDeps, batch: CalendarChangeBatch): Promise<void> {
  const changes = batch.changes.filter(matters);
  if (!changes.length) return;
  const targets = await targetsOf(ctx, batch.userId);
  for (const t of targets) for (const c of changes) await planEvent(ctx, t, c.after, c.before !== null);
}

/** A change that leaves the event's reminder as it was (a new title, a guest added) re-plans nothing. */
function matters(c: CalendarChange): boolean {
  if (!c.before) return true;
  return (
    isRemindedEvent(c.before) !== isRemindedEvent(c.after) ||
    c.before.start?.getTime() !== c.after.start?.getTime()
  );
}

async function targetsOf(ctx: ReminderDeps, userId: string): Promise<Target[]> {
  const people = await ctx.settings.ofGoogleUser(userId);
  const targets: Target[] = [];
  for (const { person, settings } of people) {
    const identityId = await ctx.notices.identityId(person);
    if (identityId !== null) targets.push({ identityId, person, userId, settings });
  }
  return targets;
}

/**
 * One event for one person: planned while its due time is still ahead. A due time already past is
 * left alone (its job, if any, is running or about to, and re-checks the event with Google itself).
 */
async function planEvent(
  ctx: ReminderDeps,
  t: Target,
  e: CalendarEventState,
  planned: boolean,
): Promise<void> {
  const reminderKey = reminderJobKey(t.identityId, e.eventId);
  const leaveKey = leaveNowJobKey(t.identityId, e.eventId);
  if (!t.settings.reminders.enabled || !isRemindedEvent(e)) {
    if (planned) {
      await ctx.jobs.cancel({ key: reminderKey });
      await ctx.jobs.cancel({ key: leaveKey });
    }
    return;
  }
  const now = ctx.now();
  const lead = t.settings.reminders.leadMinutes;
  const dueAt = reminderDueAt(e.start, lead);
  if (dueAt <= now) return;
  const payload: LeaveNowPayload = {
    identityId: t.identityId,
    teamId: t.person.teamId,
    slackUserId: t.person.slackUserId,
    userId: t.userId,
    eventId: e.eventId,
    start: e.start.toISOString(),
    leadMinutes: lead,
  };
  await ctx.jobs.enqueue({
    kind: REMINDER_JOB,
    key: reminderKey,
    payload,
    runAt: dueAt,
    onConflict: 'replace',
  });
  if (leaveNowPossible(t.settings, ctx.settings.mapsConfigured)) {
    const planAt = new Date(Math.max(now.getTime(), dueAt.getTime() - LEAVE_NOW_PLAN_AHEAD_MS));
    await ctx.jobs.enqueue({
      kind: LEAVE_NOW_JOB,
      key: leaveKey,
      payload,
      runAt: planAt,
      onConflict: 'replace',
    });
  } else if (planned) {
    await ctx.jobs.cancel({ key: leaveKey });
  }
}

/** After a settings change: every stored upcoming event of the person, planned again with their settings as they now are. */
export async function replanPerson(ctx: ReminderDeps, person: SlackPerson): Promise<void> {
  const settings = await ctx.settings.get(person);
  const identity = await ctx.db.models.SlackIdentity.findOne({
    attributes: ['id', 'userId'],
    where: { teamId: person.teamId, slackUserId: person.slackUserId },
  });
  if (!identity) return;
  if (!settings.reminders.enabled) return void (await cancelPerson(ctx, identity.id, plannedJobPrefixes));
  const now = ctx.now();
  const events = await ctx.calendar.upcoming(
    identity.userId,
    now,
    new Date(now.getTime() + REPLAN_HORIZON_MS),
  );
  const t: Target = { identityId: identity.id, person, userId: identity.userId, settings };
  for (const e of events) await planEvent(ctx, t, e, true);
}

async function cancelPerson(ctx: ReminderDeps, identityId: number, which = personJobPrefixes): Promise<void> {
  for (const keyPrefix of which(identityId)) await ctx.jobs.cancel({ keyPrefix });
}
