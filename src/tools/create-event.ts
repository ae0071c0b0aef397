import { randomUUID } from 'node:crypto';
import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import { z } from 'zod';
import { addDays, localDate, parseLocal } from '../time/zone';
import { ToolInputError } from './errors';
import { recipientsField } from './lib/addresses';
import { callOptions } from './lib/call-options';
import {
  CALENDAR_WRITE_SCOPES,
  calendarIdField,
  humanEventTime,
  summarizeEvent,
  toEventDateTime,
} from './lib/events';
import { localTimeField } from './lib/time';
import { defineTool, type ToolContext } from './types';

const input = z.object({
  title: z.string().min(1).max(300).describe('Event title.'),
  start: localTimeField('Start (for an all-day event, just the date YYYY-MM-DD)'),
  end: localTimeField('End')
    .optional()
    .describe(
      'End, local ISO 8601 (for all-day events the last day, inclusive). Give end or durationMinutes.',
    ),
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(1440)
    .optional()
    .describe('Length in minutes when no end is given (default 60).'),
  allDay: z
    .boolean()
    .optional()
    .describe('True for an all-day event (the default when start is a bare date).'),
  location: z.string().max(500).optional().describe('Where, as the user said it (address or room).'),
  description: z.string().max(8000).optional().describe('Notes for the event.'),
  attendees: recipientsField('Guests to invite').optional(),
  addMeetLink: z.boolean().optional().describe('True to add a Google Meet video link.'),
  notifyAttendees: z
    .boolean()
    .optional()
    .describe('Send invitations by email (default true when there are guests).'),
  calendarId: calendarIdField,
});
type Input = z.infer<typeof input>;

/** The event exactly as it will be inserted; the preview and the handler both show/send this. */
export function planEvent(args: Input, ctx: ToolContext): calendar_v3.Schema$Event {
  const tz = ctx.timeZone;
  const base: calendar_v3.Schema$Event = {
    summary: args.title,
    ...(args.location ? { location: args.location } : {}),
    ...(args.description ? { description: args.description } : {}),
    ...(args.attendees?.length ? { attendees: args.attendees.map((email) => ({ email })) } : {}),
    ...(args.addMeetLink
      ? {
          conferenceData: {
            createRequest: { requestId: randomUUID(), conferenceSolutionKey: { type: 'hangoutsMeet' } },
          },
        }
      : {}),
  };
  // A bare date as the start means a day, not midnight: the model sometimes leaves allDay out.
  if (args.allDay ?? /^\d{4}-\d{2}-\d{2}$/.test(args.start.trim())) {
    const first = localDate(parseLocal(args.start, tz), tz);
    const last = args.end ? localDate(parseLocal(args.end, tz), tz) : first;
    if (last < first) throw new ToolInputError('The event ends before it starts.');
    // Google's all-day end date is exclusive: the day after the last day.
    return { ...base, start: { date: first }, end: { date: addDays(last, 1) } };
  }
  const start = parseLocal(args.start, tz);
  const end = args.end
    ? parseLocal(args.end, tz)
    : new Date(start.getTime() + (args.durationMinutes ?? 60) * 60_000);
  if (end <= start) throw new ToolInputError('The event must end after it starts.');
  return { ...base, start: toEventDateTime(args.start, tz), end: toEventDateTime(end.toISOString(), tz) };
}

const notify = (args: Input) => (args.attendees?.length && args.notifyAttendees !== false ? 'all' : 'none');

export const createEvent = defineTool({
  name: 'create_event',
  description:
    'Create a calendar event (optionally with guests and a Google Meet link). Resolve dates with get_current_time first; never guess a time the user did not give; ask instead. Guests get invitations unless notifyAttendees is false. The user confirms a card with the title, local time, place and guests.',
  input,
  scopes: CALENDAR_WRITE_SCOPES,
  sideEffect: true,
  preview(args, ctx) {
    const event = planEvent(args, ctx);
    const fields = [
      { label: 'Title', value: args.title },
      { label: 'When', value: humanEventTime(event, ctx.timeZone) },
    ];
    if (args.location) fields.push({ label: 'Where', value: args.location });
    if (args.attendees?.length) {
      fields.push({ label: 'Guests', value: args.attendees.join(', ') });
      fields.push({ label: 'Invitations', value: notify(args) === 'all' ? 'Emailed to guests' : 'Not sent' });
    }
    if (args.addMeetLink) fields.push({ label: 'Video call', value: 'Google Meet link added' });
    if (args.calendarId && args.calendarId !== 'primary')
      fields.push({ label: 'Calendar', value: args.calendarId });
    return { title: 'Create event', fields, ...(args.description ? { body: args.description } : {}) };
  },
  async handler(args, ctx) {
    const res = await ctx.google.calendar().events.insert(
      {
        calendarId: args.calendarId ?? 'primary',
        requestBody: planEvent(args, ctx),
        sendUpdates: notify(args),
        ...(args.addMeetLink ? { conferenceDataVersion: 1 } : {}),
      },
      callOptions(ctx),
    );
    return { created: true, event: summarizeEvent(res.data, ctx.timeZone) };
  },
});
