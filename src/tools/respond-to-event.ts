import { z } from 'zod';
import { answerInvitation, ownAttendee } from '../google/calendar-answer';
import { ToolInputError } from './errors';
import { callOptions } from './lib/call-options';
import { CALENDAR_WRITE_SCOPES, calendarIdField, eventIdField, humanEventTime } from './lib/events';
import { defineTool, type ToolContext } from './types';

const WORDS = { accepted: 'Yes (accept)', declined: 'No (decline)', tentative: 'Maybe (tentative)' } as const;

const input = z.object({
  eventId: eventIdField,
  calendarId: calendarIdField,
  response: z.enum(['accepted', 'declined', 'tentative']).describe("The user's answer to the invitation."),
  comment: z.string().max(500).optional().describe('Optional note to the organiser.'),
});
type Input = z.infer<typeof input>;

/** The event and the user's own attendee entry (answered through src/google/calendar-answer.ts). */
async function planRsvp(args: Input, ctx: ToolContext) {
  const calendarId = args.calendarId ?? 'primary';
  const event = (
    await ctx.google.calendar().events.get({ calendarId, eventId: args.eventId }, callOptions(ctx))
  ).data;
  const own = ownAttendee(event, ctx.user.email);
  if (!own)
    throw new ToolInputError(
      'The user is not a guest of this event (it may be their own), so there is nothing to answer.',
    );
  return { calendarId, event, own };
}

export const respondToEvent = defineTool({
  name: 'respond_to_event',
  description:
    'Answer a calendar invitation for the user: accept, decline or tentative, with an optional note. The organiser is notified. Use an event id from list_events (never guessed); the user confirms a card with the event and the answer.',
  input,
  scopes: CALENDAR_WRITE_SCOPES,
  sideEffect: true,
  async preview(args, ctx) {
    const { event } = await planRsvp(args, ctx);
    const fields = [
      { label: 'Event', value: event.summary ?? '(no title)' },
      { label: 'When', value: humanEventTime(event, ctx.timeZone) },
      { label: 'Organiser', value: event.organizer?.email ?? 'unknown' },
      { label: 'Answer', value: WORDS[args.response] },
    ];
    if (args.comment) fields.push({ label: 'Note', value: args.comment });
    return { title: 'Reply to invitation', fields };
  },
  async handler(args, ctx) {
    const { calendarId, own } = await planRsvp(args, ctx);
    await answerInvitation(
      ctx.google.calendar(),
      { calendarId, eventId: args.eventId, own, answer: args.response, comment: args.comment },
      callOptions(ctx),
    );
    return { responded: args.response, eventId: args.eventId };
  },
});
