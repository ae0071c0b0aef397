import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';

type Event = calendar_v3.Schema$Event;
type Attendee = calendar_v3.Schema$EventAttendee;

/** A guest's answer to an invitation, as Google names it. */
export type OwnAnswer = 'accepted' | 'tentative' | 'declined';

/** The person's own attendee entry on an event (Google marks it `self`; else matched by e-mail); null when not a guest. */
export function ownAttendee(event: Event, email: string): Attendee | null {
  const me = email.toLowerCase();
  return (event.attendees ?? []).find((a) => a.self || a.email?.toLowerCase() === me) ?? null;
}

/**
 * Set only the person's own answer: their attendee entry is sent alone with `attendeesOmitted: true`,
 * which Google documents as "only update the participant's response". Resending the whole list would
 * write back a stale copy of everyone else's answers (or, for a guest who cannot see the guest list,
 * a list with only themselves in it). Google emails the organiser (`sendUpdates: 'all'`), as it does
 * when the person answers in Calendar. One source for respond_to_event and the Yes / Maybe / No buttons.
 */
export async function answerInvitation(
  calendar: calendar_v3.Calendar,
  o: { calendarId?: string; eventId: string; own: Attendee; answer: OwnAnswer; comment?: string },
  options: { signal?: AbortSignal } = {},
): Promise<Event> {
  const res = await calendar.events.patch(
    {
      calendarId: o.calendarId ?? 'primary',
      eventId: o.eventId,
      sendUpdates: 'all',
      requestBody: {
        attendeesOmitted: true,
        attendees: [
          { email: o.own.email, responseStatus: o.answer, ...(o.comment ? { comment: o.comment } : {}) },
        ],
      },
    },
    options.signal ? { signal: options.signal } : {},
  );
  return res.data;
}
