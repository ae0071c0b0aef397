import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import type { User } from '../../models';
import type { PersonSettings, SlackPerson } from '../settings/types';
import { safeZone } from '../time/zone';
import type { NotifyDeps } from './deps';
import { calendarOf, eventSpan, type GoogleEvent, readEvent } from './google-event';

/** Who a notice job is for, as its payload carries it (sealed: the event id is the person's). */
export interface NoticeTarget {
  identityId: number;
  teamId: string;
  slackUserId: string;
  /** users.id of the Google account the event is on. */
  userId: string;
  eventId: string;
}

/**
 * The Slack person, if they are still linked to the same Google account the job was planned for (a
 * disconnect or a switch of account since means the notice is no longer theirs to get).
 */
export async function stillLinked(ctx: NotifyDeps, t: NoticeTarget): Promise<SlackPerson | null> {
  const row = await ctx.db.models.SlackIdentity.findOne({
    attributes: ['id', 'userId'],
    where: { id: t.identityId, teamId: t.teamId, slackUserId: t.slackUserId },
  });
  return row && row.userId === t.userId ? { teamId: t.teamId, slackUserId: t.slackUserId } : null;
}

/** What a notice job reads before it decides: the person, their settings, and the event as Google has it now. */
export interface NoticeScene {
  person: SlackPerson;
  settings: PersonSettings;
  timeZone: string;
  user: User;
  calendar: calendar_v3.Calendar;
  /** Null when Google no longer has it at all. */
  event: GoogleEvent | null;
  /** Its instants (null without an event or with unreadable times). */
  span: ReturnType<typeof eventSpan>;
}

/** The scene of a notice job; null when the person left or the Google account is no longer connected. */
export async function readScene(
  ctx: NotifyDeps,
  t: NoticeTarget,
  signal: AbortSignal,
): Promise<NoticeScene | null> {
  const person = await stillLinked(ctx, t);
  if (!person) return null;
  const settings = await ctx.settings.get(person);
  const google = await calendarOf(ctx, t.userId);
  if (!google) return null;
  const event = await readEvent(google.calendar, t.eventId, signal);
  const timeZone = safeZone(settings.timeZone);
  return { person, settings, timeZone, ...google, event, span: event && eventSpan(event, timeZone) };
}
