import type { CalendarChangeBatch } from '../calendar/feed';
import { changePart, plannedChange } from './change-rules';
import { CHANGE_JOB, type ChangePayload, changeKey } from './change-send';
import type { NotifyDeps } from './deps';

/**
 * Plans change notices from calendar sync's batches: one job per linked Slack person, event and what
 * it became (keyed so a batch seen twice still sends one DM). First syncs (`initial`) announce nothing.
 */
export function planChangeNotices(ctx: NotifyDeps): void {
  ctx.calendar.onChanges((batch) => planBatch(ctx, batch));
}

async function planBatch(ctx: NotifyDeps, batch: CalendarChangeBatch): Promise<void> {
  if (batch.initial) return;
  const planned = batch.changes.flatMap((c) => {
    const change = plannedChange(c, batch.at);
    return change ? [{ eventId: c.after.eventId, change, part: changePart(c, change) }] : [];
  });
  if (!planned.length) return;
  for (const { person, settings } of await ctx.settings.ofGoogleUser(batch.userId)) {
    if (!settings.invitations.enabled) continue;
    const identityId = await ctx.notices.identityId(person);
    if (identityId === null) continue;
    for (const p of planned) {
      const payload: ChangePayload = { identityId, ...person, userId: batch.userId, ...p };
      await ctx.jobs.enqueue({
        kind: CHANGE_JOB,
        key: changeKey(identityId, p.eventId, p.part),
        payload,
        onConflict: 'keep',
      });
    }
  }
}
