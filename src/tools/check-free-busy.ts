import { z } from 'zod';
import { SCOPES } from '../google/scopes';
import { parseLocal } from '../time/zone';
import { ToolInputError } from './errors';
import { recipientsField } from './lib/addresses';
import { localInterval, queryBusy } from './lib/free-busy';
import { localTimeField } from './lib/time';
import { defineTool } from './types';

export const FREEBUSY_SCOPES = [SCOPES.calendar, SCOPES.calendarReadonly, SCOPES.calendarEvents];

export const checkFreeBusy = defineTool({
  name: 'check_free_busy',
  description:
    'When the user (and optionally colleagues, by email) is busy between two times, as local-time intervals. Use it for "am I free at 3?" or "is Priya busy tomorrow morning?". Other people\'s calendars may be unreadable; they are listed as unavailable, never assumed free.',
  input: z.object({
    start: localTimeField('Window start'),
    end: localTimeField('Window end'),
    people: recipientsField(
      "Colleagues whose availability to check (the user's own is always included)",
    ).optional(),
  }),
  scopes: FREEBUSY_SCOPES,
  sideEffect: false,
  async handler(input, ctx) {
    const start = parseLocal(input.start, ctx.timeZone);
    const end = parseLocal(input.end, ctx.timeZone);
    if (end <= start) throw new ToolInputError('The window must end after it starts.');
    const { busy, unavailable } = await queryBusy(ctx, start, end, input.people ?? []);
    const calendars = [...busy.entries()].map(([id, list]) => ({
      who: id === 'primary' ? 'you' : id,
      busy: list.map((i) => localInterval(i, ctx.timeZone)),
      freeWholeWindow: list.length === 0,
    }));
    return { timeZone: ctx.timeZone, calendars, ...(unavailable.length ? { unavailable } : {}) };
  },
});
