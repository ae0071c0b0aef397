import { clashesOf } from './clashes';
import type { NoticeRun, NotifyDeps } from './deps';
import { isOpenInvitation } from './google-event';
import { invitationNotice } from './invitation-notice';
import { type InvitationState, invitationKey } from './invitation-state';
import type { Messenger } from './messenger';
import { type NoticeTarget, readScene } from './notice-target';

/**
 * DM one person one new invitation: title, organiser, time in their zone, what it overlaps, and
 * Yes / Maybe / No. Everything is read again at send time — the setting (turned off since: nothing),
 * the event (answered, cancelled or past since: nothing) — and the notice is recorded right after the
 * post, so a second run (two instances, a retry) finds it and sends nothing.
 */
export async function sendInvitation(
  ctx: NotifyDeps,
  messenger: Messenger,
  t: NoticeTarget,
  job: NoticeRun,
): Promise<void> {
  const scene = await readScene(ctx, t, job.signal);
  if (!scene?.settings.invitations.enabled) return;
  const key = invitationKey(t.identityId, t.eventId);
  if (await ctx.notices.find(key)) return;
  const { person, timeZone, user, calendar, event, span } = scene;
  if (!event || !span || !isOpenInvitation(event, user.email)) return;
  if (span.end <= ctx.now() || (!span.allDay && span.start <= ctx.now())) return;
  const notice = invitationNotice(event, span, {
    timeZone,
    rsvp: { owner: person.slackUserId, version: event.updated ?? null },
    clashes: span.allDay
      ? []
      : await clashesOf(ctx, { ...t, calendar, ...span, timeZone, signal: job.signal }),
    answer: null,
  });
  job.signal.throwIfAborted();
  const posted = await messenger.post(person, notice, { dueAt: job.dueAt, signal: job.signal });
  const state: InvitationState = { eventId: t.eventId, version: event.updated ?? null, answer: null };
  await ctx.notices.record({
    key,
    identityId: t.identityId,
    kind: 'invitation',
    eventId: t.eventId,
    posted,
    state,
  });
  ctx.telemetry.notificationSent('invitation');
}
