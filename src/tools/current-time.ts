import { z } from 'zod';
import { localDate, toLocalIso, weekdayOf } from '../time/zone';
import { defineTool } from './types';

/** The model has no clock; every relative date ("tomorrow at 3") is resolved from this. */
export const currentTime = defineTool({
  name: 'get_current_time',
  description:
    "Current date and time in the user's time zone. Call it before resolving any relative date or time (today, tomorrow, next Friday, in 2 hours); never guess today's date.",
  input: z.object({}),
  scopes: [],
  sideEffect: false,
  async handler(_input, ctx) {
    const now = ctx.now();
    return {
      timeZone: ctx.timeZone,
      localDateTime: toLocalIso(now, ctx.timeZone),
      date: localDate(now, ctx.timeZone),
      weekday: weekdayOf(now, ctx.timeZone),
      utc: now.toISOString(),
    };
  },
});
