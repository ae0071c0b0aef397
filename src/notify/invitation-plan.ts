import type { CalendarChangeBatch } from '../calendar/feed';
import type { NotifyDeps } from './deps';
import { isNewInvitation, isSettledInvitation } from './invitation-rules';
import { INVITATION_JOBS, invitationKey, invitationUpdateKey } from './invitation-state';
import type { NoticeTarget } from './notice-target';

/**
 * Plans invitation DMs from calendar sync's batches: a job per linked Slack person and new invitation
 * (its key is the notice's: planned twice, still sent once), and a job to update the DM of one that
 * was answered elsewhere or cancelled. A first sync (`initial`) announces nothing: those invitations
 * were there before Lume. Setting and event are checked again when each job runs.
 */
export function planInvitations(ctx: NotifyDeps): void {
  ctx.calendar.onChanges((batch) => planBatch(ctx, batch));
}

async function planBatch(ctx: NotifyDeps, batch: CalendarChangeBatch): Promise<void> {
  const fresh = batch.initial ? [] : batch.changes.filter((c) => isNewInvitation(c, batch.at));
  const settled = batch.changes.filter(isSettledInvitation);
  if (!fresh.length && !settled.length) return;
  for (const { person, settings } of await ctx.settings.ofGoogleUser(batch.userId)) {
    const identityId = await ctx.notices.identityId(person);
    if (identityId === null) continue;
    const target = (eventId: string): NoticeTarget => ({
      identityId,
      ...person,
      userId: batch.userId,
      eventId,
    });
    if (settings.invitations.enabled)
      for (const { after } of fresh)
        await ctx.jobs.enqueue({
          kind: INVITATION_JOBS.send,
          key: invitationKey(identityId, after.eventId),
          payload: target(after.eventId),
          onConflict: 'keep',
        });
    for (const { after } of settled) {
      if (!(await ctx.notices.forEvent(identityId, 'invitation', after.eventId))) continue;
      // replace: the job reads Google when it runs, so the latest of several answers is what it shows.
      await ctx.jobs.enqueue({
        kind: INVITATION_JOBS.update,
        key: invitationUpdateKey(identityId, after.eventId),
        payload: target(after.eventId),
        onConflict: 'replace',
      });
    }
  }
}
