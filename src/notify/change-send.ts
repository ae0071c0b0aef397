import { ownAttendee } from '../google/calendar-answer';
import type { PlannedChange } from './change-rules';
import type { NoticeRun, NotifyDeps } from './deps';
import { noticeEvent, organizerOf } from './google-event';
import type { Messenger } from './messenger';
import { type NoticeTarget, readScene } from './notice-target';
import type { ChangeNotice } from './notices';
import { noticeKey } from './sent-notices';

export interface ChangePayload extends NoticeTarget {
  change: PlannedChange;
  /** The last part of the notice key (the new start, or 'cancelled'). */
  part: string;
}

/** The change job's kind (src/jobs/change-notice.ts runs it). */
export const CHANGE_JOB = 'change';

export const changeKey = (identityId: number, eventId: string, part: string) =>
  noticeKey('change', identityId, eventId, part);

/**
 * One short DM about an accepted event its organiser moved or cancelled. Google is asked again at send
 * time: an event moved once more since (its own job follows), declined by the person meanwhile, or
 * no longer ahead gets nothing; the notice is recorded right after the post (sent once).
 */
export async function sendChangeNotice(
  ctx: NotifyDeps,
  messenger: Messenger,
  p: ChangePayload,
  job: NoticeRun,
): Promise<void> {
  const scene = await readScene(ctx, p, job.signal);
  if (!scene?.settings.invitations.enabled) return;
  const key = changeKey(p.identityId, p.eventId, p.part);
  if (await ctx.notices.find(key)) return;
  const { person, timeZone, user, event, span } = scene;
  if (!event || !span) return;
  const own = ownAttendee(event, user.email);
  if (!own || own.responseStatus === 'declined' || event.organizer?.self) return;
  const cancelled = event.status === 'cancelled';
  if (p.change.kind === 'cancelled' ? !cancelled : cancelled || String(span.start.getTime()) !== p.part)
    return;
  if (p.change.kind === 'moved' && span.start <= ctx.now()) return;
  const notice: ChangeNotice = {
    kind: 'change',
    timeZone,
    event: noticeEvent(event, span),
    organizer: organizerOf(event),
    change:
      p.change.kind === 'cancelled'
        ? { kind: 'cancelled' }
        : { kind: 'moved', fromStart: new Date(p.change.fromStart), fromEnd: new Date(p.change.fromEnd) },
  };
  job.signal.throwIfAborted();
  const posted = await messenger.post(person, notice, { dueAt: job.dueAt, signal: job.signal });
  await ctx.notices.record({ key, identityId: p.identityId, kind: 'change', eventId: p.eventId, posted });
  ctx.telemetry.notificationSent('change');
}
