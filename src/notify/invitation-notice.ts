import { type GoogleEvent, noticeEvent, organizerOf } from './google-event';
import type { InvitationNotice } from './notices';

/** An invitation's notice from the event as Google has it now, for the person its buttons belong to. */
export function invitationNotice(
  e: GoogleEvent,
  span: { start: Date; end: Date; allDay: boolean },
  o: Pick<InvitationNotice, 'timeZone' | 'rsvp' | 'clashes' | 'answer' | 'stale'>,
): InvitationNotice {
  return {
    kind: 'invitation',
    event: noticeEvent(e, span),
    allDay: span.allDay,
    organizer: organizerOf(e),
    ...o,
  };
}
