import { z } from 'zod';
import { addDays, localDate, parseLocal, toLocalIso, weekdayOf } from '../time/zone';
import { FREEBUSY_SCOPES } from './check-free-busy';
import { ToolInputError } from './errors';
import { recipientsField } from './lib/addresses';
import { type Interval, mergeIntervals, queryBusy } from './lib/free-busy';
import { humanTime, localTimeField } from './lib/time';
import { defineTool } from './types';

const QUARTER = 15 * 60_000;
const roundUp = (t: number) => Math.ceil(t / QUARTER) * QUARTER;
const HOUR = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Free slots of `minutes` inside working hours on each day of the window, avoiding everyone's busy
 * time; at most one suggestion per gap, so the answers are spread over the day rather than 9:00, 9:15, 9:30.
 */
export function freeSlots(
  window: Interval,
  busy: Interval[],
  opts: {
    minutes: number;
    dayStart: string;
    dayEnd: string;
    weekends: boolean;
    max: number;
    timeZone: string;
  },
): Interval[] {
  const tz = opts.timeZone;
  const length = opts.minutes * 60_000;
  const slots: Interval[] = [];
  const lastDay = localDate(new Date(window.end), tz);
  for (
    let day = localDate(new Date(window.start), tz);
    day <= lastDay && slots.length < opts.max;
    day = addDays(day, 1)
  ) {
    const open = parseLocal(`${day}T${opts.dayStart}`, tz).getTime();
    if (!opts.weekends && ['Saturday', 'Sunday'].includes(weekdayOf(new Date(open), tz))) continue;
    const from = Math.max(window.start, open);
    const to = Math.min(window.end, parseLocal(`${day}T${opts.dayEnd}`, tz).getTime());
    let cursor = roundUp(from);
    for (const b of [...busy.filter((x) => x.end > from && x.start < to), { start: to, end: to }]) {
      if (Math.min(b.start, to) - cursor >= length) slots.push({ start: cursor, end: cursor + length });
      if (slots.length >= opts.max) break;
      cursor = Math.max(cursor, roundUp(b.end));
    }
  }
  return slots;
}

export const findFreeSlot = defineTool({
  name: 'find_free_slot',
  description:
    'Find times of a given length when the user (and optionally colleagues, by email) are all free between two times, within working hours (default 09:00–18:00 local, weekdays). Use it for "find 30 minutes with Priya this week". Returns a few suggestions in local time; it books nothing (use create_event after the user picks one).',
  input: z.object({
    durationMinutes: z.number().int().min(5).max(480).describe('Length of the slot in minutes.'),
    start: localTimeField('Search from'),
    end: localTimeField('Search until'),
    attendees: recipientsField('Colleagues who must also be free').optional(),
    dayStart: z
      .string()
      .regex(HOUR)
      .optional()
      .describe('Earliest start each day, HH:MM local (default 09:00).'),
    dayEnd: z.string().regex(HOUR).optional().describe('Latest end each day, HH:MM local (default 18:00).'),
    includeWeekends: z.boolean().optional().describe('True to also search Saturdays and Sundays.'),
    maxSuggestions: z
      .number()
      .int()
      .min(1)
      .max(10)
      .optional()
      .describe('How many slots to suggest (default 3).'),
  }),
  scopes: FREEBUSY_SCOPES,
  sideEffect: false,
  async handler(input, ctx) {
    const tz = ctx.timeZone;
    const start = Math.max(parseLocal(input.start, tz).getTime(), ctx.now().getTime());
    const end = parseLocal(input.end, tz).getTime();
    if (end <= start) throw new ToolInputError('The search window must end after it starts (and after now).');
    const { busy, unavailable } = await queryBusy(ctx, new Date(start), new Date(end), input.attendees ?? []);
    const slots = freeSlots({ start, end }, mergeIntervals([...busy.values()]), {
      minutes: input.durationMinutes,
      dayStart: input.dayStart ?? '09:00',
      dayEnd: input.dayEnd ?? '18:00',
      weekends: input.includeWeekends ?? false,
      max: input.maxSuggestions ?? 3,
      timeZone: tz,
    });
    return {
      timeZone: tz,
      slots: slots.map((s) => ({
        start: toLocalIso(new Date(s.start), tz),
        end: toLocalIso(new Date(s.end), tz),
        text: humanTime(new Date(s.start), tz),
      })),
      ...(unavailable.length ? { couldNotCheck: unavailable } : {}),
      ...(slots.length ? {} : { note: 'No free slot of that length in the window.' }),
    };
  },
});
