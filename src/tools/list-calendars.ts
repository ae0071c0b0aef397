import { z } from 'zod';
import { SCOPES } from '../google/scopes';
import { callOptions } from './lib/call-options';
import { defineTool } from './types';

export const listCalendars = defineTool({
  name: 'list_calendars',
  description:
    "List the calendars in the user's Google Calendar list (their own, shared and subscribed ones) with ids. Use it when the user names a calendar other than their main one; calendar ids come from here, never guess them.",
  input: z.object({}),
  scopes: [SCOPES.calendar, SCOPES.calendarReadonly],
  sideEffect: false,
  async handler(_input, ctx) {
    const res = await ctx.google.calendar().calendarList.list({ maxResults: 250 }, callOptions(ctx));
    return {
      calendars: (res.data.items ?? []).map((c) => ({
        id: c.id,
        name: c.summaryOverride ?? c.summary,
        primary: Boolean(c.primary),
        accessRole: c.accessRole,
        timeZone: c.timeZone,
      })),
    };
  },
});
