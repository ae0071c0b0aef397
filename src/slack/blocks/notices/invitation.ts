import type { InvitationNotice } from '../../../notify/notices';
import { context, esc, section, truncate } from '../text';
import { linkedTitle, personName, plainTitle } from './parts';
import type { RenderedNotice } from './rendered';
import { rsvpButtons, rsvpSettled } from './rsvp-buttons';
import { eventWhen, timeRange } from './when';

/** ":warning: overlaps Design review 10:00 AM – 10:30 AM, Lunch 12:00 PM – 1:00 PM" */
export function clashLine(clashes: InvitationNotice['clashes'], tz: string): string | null {
  if (!clashes.length) return null;
  const named = clashes.map((c) => `${esc(truncate(c.title, 80))} ${timeRange(c.start, c.end, tz)}`);
  return `:warning: overlaps ${named.join(', ')}`;
}

/**
 * An invitation's DM: the title (linked to the event in Google Calendar), when in the person's zone,
 * who invited them, what it overlaps, and Yes / Maybe / No — or, once settled, the answer or why
 * there is nothing to answer. Every Google string is escaped.
 */
export function invitationMessage(n: InvitationNotice): RenderedNotice {
  const tz = n.timeZone;
  const titled = linkedTitle(n.event);
  const when = eventWhen(n.event, tz, n.allDay);
  const organizer = personName(n.organizer);
  const lines = [`:envelope_with_arrow: ${organizer} invited you to ${titled}`, `*When:* ${when}`];
  const clashes = n.answer || n.stale ? null : clashLine(n.clashes, tz);
  if (clashes) lines.push(clashes);
  const settled = n.stale ? { stale: n.stale } : n.answer ? { answer: n.answer } : null;
  const text = `${organizer} invited you to ${plainTitle(n.event)} (${when})`;
  return {
    text,
    blocks: [
      section(lines.join('\n')),
      settled
        ? rsvpSettled(settled)
        : rsvpButtons({ e: n.event.eventId, u: n.rsvp.owner, v: n.rsvp.version }),
      ...(settled ? [] : [context('Your answer goes to the organiser, as it would from Google Calendar.')]),
    ],
  };
}
