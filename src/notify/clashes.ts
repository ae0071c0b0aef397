import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import type { NotifyDeps } from './deps';
import { eventSpan, readEvent } from './google-event';
import type { InvitationNotice } from './notices';

/** At most this many clashes are named (each costs an events.get for its title). */
export const MAX_CLASHES = 3;

/**
 * The person's other events that overlap [start, end): found in what calendar sync stored, with their
 * titles and times read from Google now (titles are never stored). Declined events, working-location
 * entries and cancelled ones are not clashes; neither is an event Google no longer has.
 */
export async function clashesOf(
  ctx: NotifyDeps,
  o: {
    userId: string;
    calendar: calendar_v3.Calendar;
    eventId: string;
    start: Date;
    end: Date;
    timeZone: string;
    signal?: AbortSignal;
  },
): Promise<InvitationNotice['clashes']> {
  const stored = (await ctx.calendar.upcoming(o.userId, o.start, o.end)).filter(
    (e) => e.eventId !== o.eventId && e.response !== 'declined' && e.eventType !== 'workingLocation',
  );
  const clashes: InvitationNotice['clashes'] = [];
  for (const s of stored.slice(0, MAX_CLASHES)) {
    const e = await readEvent(o.calendar, s.eventId, o.signal);
    const span = e && e.status !== 'cancelled' ? eventSpan(e, o.timeZone) : null;
    if (!e || !span || span.allDay || span.start >= o.end || span.end <= o.start) continue;
    clashes.push({ title: e.summary?.trim() || '(no title)', start: span.start, end: span.end });
  }
  return clashes;
}
