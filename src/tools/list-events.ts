import { z } from 'zod';
import { parseLocal, toLocalIso } from '../time/zone';
import { callOptions } from './lib/call-options';
import { CALENDAR_READ_SCOPES, calendarIdField, EVENT_LINK_FIELDS, summarizeEvent } from './lib/events';
import { localTimeField } from './lib/time';
import { defineTool } from './types';

const DAY = 86_400_000;

export const listEvents = defineTool({
  name: 'list_events',
  description:
    "List or search the user's calendar events in a time window, in start order, with local times, location, meeting link and attendees. For \"what's on tomorrow\" call get_current_time first, then pass that day's midnight as start and the next midnight as end. Use query to search by words in title, description, location or attendees.",
  input: z.object({
    start: localTimeField('Window start'),
    end: localTimeField('Window end (exclusive)')
      .optional()
      .describe('Window end, exclusive, local ISO 8601; default: 24 hours after start.'),
    query: z
      .string()
      .max(200)
      .optional()
      .describe('Free-text search within the window (title, description, location, attendees).'),
    calendarId: calendarIdField,
    maxResults: z
      .number()
      .int()
      .min(1)
      .max(100)
      .optional()
      .describe('At most this many events (default 50).'),
  }),
  scopes: CALENDAR_READ_SCOPES,
  sideEffect: false,
  linkFields: EVENT_LINK_FIELDS,
  async handler(input, ctx) {
    const start = parseLocal(input.start, ctx.timeZone);
    const end = input.end ? parseLocal(input.end, ctx.timeZone) : new Date(start.getTime() + DAY);
    const res = await ctx.google.calendar().events.list(
      {
        calendarId: input.calendarId ?? 'primary',
        timeMin: toLocalIso(start, ctx.timeZone),
        timeMax: toLocalIso(end, ctx.timeZone),
        singleEvents: true,
        orderBy: 'startTime',
        q: input.query || undefined,
        maxResults: input.maxResults ?? 50,
        timeZone: ctx.timeZone,
      },
      callOptions(ctx),
    );
    const events = (res.data.items ?? []).map((e) => summarizeEvent(e, ctx.timeZone));
    return {
      window: {
        start: toLocalIso(start, ctx.timeZone),
        end: toLocalIso(end, ctx.timeZone),
        timeZone: ctx.timeZone,
      },
      events,
      ...(res.data.nextPageToken ? { more: true } : {}),
    };
  },
});
