import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import { z } from 'zod';
import { addDays, localDate, parseLocal } from '../time/zone';
import { ToolInputError } from './errors';
import { recipientsField } from './lib/addresses';
import { callOptions } from './lib/call-options';
import {
  CALENDAR_WRITE_SCOPES,
  calendarIdField,
  eventIdField,
  guestsTold,
  humanEventTime,
  occurrencesTouched,
  summarizeEvent,
  toEventDateTime,
} from './lib/events';
import { localTimeField } from './lib/time';
import { defineTool, type ToolContext } from './types';

const input = z.object({
  eventId: eventIdField,
  calendarId: calendarIdField,
  title: z.string().min(1).max(300).optional().describe('New title.'),
  start: localTimeField('New start')
    .optional()
    .describe(
      'New start, local ISO 8601 (a date for an all-day event). Without a new end the event keeps its length.',
    ),
  end: localTimeField('New end')
    .optional()
    .describe('New end, local ISO 8601 (for an all-day event, its new last day, inclusive).'),
  location: z.string().max(500).optional().describe('New location.'),
  description: z.string().max(8000).optional().describe('New description (replaces the old one).'),
  addAttendees: recipientsField('Guests to add').optional(),
  removeAttendees: recipientsField('Guests to remove').optional(),
  notifyAttendees: z.boolean().optional().describe('Email guests about the change (default true).'),
});
type Input = z.infer<typeof input>;

/**
 * New dates for an all-day event: it stays all-day (only the date of a given time counts) and keeps
 * its number of days unless a new last day is given. Google's end date is exclusive.
 */
function moveAllDay(current: calendar_v3.Schema$Event, args: Input, tz: string) {
  const dateOf = (local: string) => localDate(parseLocal(local, tz), tz);
  const oldFirst = current.start?.date ?? '';
  const days = Math.max(1, daysBetween(oldFirst, current.end?.date ?? addDays(oldFirst, 1)));
  const first = args.start ? dateOf(args.start) : oldFirst;
  const endExclusive = args.end ? addDays(dateOf(args.end), 1) : addDays(first, days);
  if (endExclusive <= first) throw new ToolInputError('The event must end after it starts.');
  return { start: { date: first }, end: { date: endExclusive } };
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The patch and the before/after lines for the card, computed from the event as it is now. */
async function planUpdate(args: Input, ctx: ToolContext) {
  const calendarId = args.calendarId ?? 'primary';
  const current = (
    await ctx.google.calendar().events.get({ calendarId, eventId: args.eventId }, callOptions(ctx))
  ).data;
  const tz = ctx.timeZone;
  const patch: calendar_v3.Schema$Event = {};
  const changes: { label: string; value: string }[] = [];
  if (args.title) patch.summary = args.title;
  if (args.location !== undefined) patch.location = args.location;
  if (args.description !== undefined) patch.description = args.description;
  if ((args.start || args.end) && current.start?.date) {
    Object.assign(patch, moveAllDay(current, args, tz));
    changes.push({
      label: 'When',
      value: `${humanEventTime(current, tz)} → ${humanEventTime({ ...current, ...patch }, tz)}`,
    });
  } else if (args.start || args.end) {
    const oldStart = parseLocal(current.start?.dateTime ?? '', tz).getTime();
    const oldEnd = parseLocal(current.end?.dateTime ?? '', tz).getTime();
    const start = args.start ? parseLocal(args.start, tz).getTime() : oldStart;
    const end = args.end ? parseLocal(args.end, tz).getTime() : start + (oldEnd - oldStart);
    if (end <= start) throw new ToolInputError('The event must end after it starts.');
    patch.start = toEventDateTime(new Date(start).toISOString(), tz);
    patch.end = toEventDateTime(new Date(end).toISOString(), tz);
    changes.push({
      label: 'When',
      value: `${humanEventTime(current, tz)} → ${humanEventTime({ ...current, ...patch }, tz)}`,
    });
  }
  if (args.addAttendees?.length || args.removeAttendees?.length) {
    const remove = new Set((args.removeAttendees ?? []).map((e) => e.toLowerCase()));
    const kept = (current.attendees ?? []).filter((a) => !remove.has((a.email ?? '').toLowerCase()));
    const known = new Set(kept.map((a) => (a.email ?? '').toLowerCase()));
    const added = (args.addAttendees ?? [])
      .filter((e) => !known.has(e.toLowerCase()))
      .map((email) => ({ email }));
    // Attendees are replaced whole by a patch, so existing guests keep their responses by being resent.
    patch.attendees = [...kept, ...added];
    if (added.length) changes.push({ label: 'Add guests', value: added.map((a) => a.email).join(', ') });
    if (remove.size) changes.push({ label: 'Remove guests', value: [...remove].join(', ') });
  }
  if (patch.summary) changes.push({ label: 'Title', value: `${current.summary ?? ''} → ${patch.summary}` });
  if (patch.location !== undefined)
    changes.push({
      label: 'Where',
      value: `${current.location ?? '(none)'} → ${patch.location || '(none)'}`,
    });
  if (patch.description !== undefined) changes.push({ label: 'Description', value: 'replaced (below)' });
  if (!changes.length)
    throw new ToolInputError('Nothing to change: give a new title, time, location, description or guests.');
  return { calendarId, current, patch, changes };
}

export const updateEvent = defineTool({
  name: 'update_event',
  description:
    'Change an existing calendar event: title, time (moving keeps its length unless an end is given), location, description, or guests (add/remove). Use an event id from list_events; never guess it or a new time. The user confirms a card showing each change, old → new.',
  input,
  scopes: CALENDAR_WRITE_SCOPES,
  sideEffect: true,
  async preview(args, ctx) {
    const { current, changes, patch } = await planUpdate(args, ctx);
    const scope = occurrencesTouched(current, ctx.timeZone);
    const emailed = args.notifyAttendees !== false;
    const removed = (current.attendees ?? []).filter(
      (a) => !(patch.attendees ?? current.attendees ?? []).includes(a),
    );
    return {
      title: `Update event "${current.summary ?? '(no title)'}"`,
      fields: [
        ...changes,
        ...(scope ? [{ label: 'Occurrences', value: scope }] : []),
        // Who hears of it: every guest after the change, and (with emails on) those removed.
        ...guestsTold(patch.attendees ?? current.attendees ?? [], emailed, 'the change'),
        ...(removed.length && emailed
          ? [
              {
                label: 'Also told',
                value: `${removed.map((a) => a.email).join(', ')}: that they were removed`,
              },
            ]
          : []),
      ],
      ...(patch.description !== undefined ? { body: patch.description ?? '' } : {}),
    };
  },
  async handler(args, ctx) {
    const { calendarId, patch } = await planUpdate(args, ctx);
    const res = await ctx.google.calendar().events.patch(
      {
        calendarId,
        eventId: args.eventId,
        requestBody: patch,
        sendUpdates: args.notifyAttendees === false ? 'none' : 'all',
      },
      callOptions(ctx),
    );
    return { updated: true, event: summarizeEvent(res.data, ctx.timeZone) };
  },
});
