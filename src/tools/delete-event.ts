import { z } from 'zod';
import { callOptions } from './lib/call-options';
import {
  CALENDAR_WRITE_SCOPES,
  calendarIdField,
  eventIdField,
  guestsTold,
  humanEventTime,
  occurrencesTouched,
} from './lib/events';
import { defineTool } from './types';

const input = z.object({
  eventId: eventIdField,
  calendarId: calendarIdField,
  notifyAttendees: z
    .boolean()
    .optional()
    .describe('Email guests that the event is cancelled (default true).'),
});

export const deleteEvent = defineTool({
  name: 'delete_event',
  description:
    'Delete (cancel) a calendar event. Only when the user asked to delete or cancel that specific event; use the id from list_events, never a guess. Guests are told unless notifyAttendees is false. The user confirms a card naming the event and its time.',
  input,
  scopes: CALENDAR_WRITE_SCOPES,
  sideEffect: true,
  async preview(args, ctx) {
    const event = (
      await ctx.google
        .calendar()
        .events.get({ calendarId: args.calendarId ?? 'primary', eventId: args.eventId }, callOptions(ctx))
    ).data;
    const scope = occurrencesTouched(event, ctx.timeZone);
    const fields = [
      { label: 'Event', value: event.summary ?? '(no title)' },
      { label: 'When', value: humanEventTime(event, ctx.timeZone) },
      ...(scope ? [{ label: 'Occurrences', value: scope }] : []),
      ...guestsTold(event.attendees ?? [], args.notifyAttendees !== false, 'a cancellation'),
    ];
    return { title: 'Delete event', fields };
  },
  async handler(args, ctx) {
    await ctx.google.calendar().events.delete(
      {
        calendarId: args.calendarId ?? 'primary',
        eventId: args.eventId,
        sendUpdates: args.notifyAttendees === false ? 'none' : 'all',
      },
      callOptions(ctx),
    );
    return { deleted: true, eventId: args.eventId };
  },
});
