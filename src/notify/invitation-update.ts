import { ownAttendee } from '../google/calendar-answer';
import type { NoticeRun, NotifyDeps } from './deps';
import { invitationNotice } from './invitation-notice';
import { type InvitationState, invitationKey } from './invitation-state';
import type { Messenger } from './messenger';
import { type NoticeTarget, readScene } from './notice-target';
import type { RsvpAnswer } from './notices';

const ANSWERS: readonly string[] = ['accepted', 'tentative', 'declined'] satisfies RsvpAnswer[];

/**
 * Bring an invitation's DM up to date after a sync saw it answered elsewhere (Gmail, Calendar) or
 * cancelled: the buttons give way to the answer, or to "cancelled". What the DM shows is read from
 * Google now; a DM that already shows it is left alone (the person's own click, a second run).
 */
export async function updateInvitation(
  ctx: NotifyDeps,
  messenger: Messenger,
  t: NoticeTarget,
  job: NoticeRun,
): Promise<void> {
  const key = invitationKey(t.identityId, t.eventId);
  const sent = await ctx.notices.find<InvitationState>(key);
  if (!sent?.state) return;
  const scene = await readScene(ctx, t, job.signal);
  if (!scene) return;
  const { person, timeZone, user, event, span } = scene;
  const own = event && ownAttendee(event, user.email);
  const cancelled = !event || event.status === 'cancelled' || !own;
  const status = own?.responseStatus ?? '';
  const answer = !cancelled && ANSWERS.includes(status) ? (status as RsvpAnswer) : null;
  if (cancelled ? sent.state.cancelled : !answer || answer === sent.state.answer) return;
  if (!event || !span) return; // gone without a trace: nothing to show it with
  const notice = invitationNotice(event, span, {
    timeZone,
    rsvp: { owner: person.slackUserId, version: sent.state.version },
    clashes: [],
    answer,
    stale: cancelled ? 'cancelled' : undefined,
  });
  job.signal.throwIfAborted();
  await messenger.update(person, sent.posted, notice, { signal: job.signal });
  await ctx.notices.setState<InvitationState>(key, {
    ...sent.state,
    answer,
    cancelled: cancelled || undefined,
  });
}
