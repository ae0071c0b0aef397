import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import type { Interval } from '../../time/interval';
import { toLocalIso } from '../../time/zone';
import type { ToolContext } from '../types';

export type { Interval } from '../../time/interval';

/** Google answers free/busy for at most this many calendars per freeBusy.query (calendarExpansionMax). */
export const FREEBUSY_MAX_CALENDARS = 50;

type Calendars = calendar_v3.Schema$FreeBusyResponse['calendars'];

/** One freeBusy.query with this client: busy times only, never titles or details. */
async function freeBusyQuery(
  calendar: calendar_v3.Calendar,
  ids: string[],
  window: { start: Date; end: Date; timeZone: string },
  signal?: AbortSignal,
): Promise<NonNullable<Calendars>> {
  const res = await calendar.freebusy.query(
    {
      requestBody: {
        timeMin: window.start.toISOString(),
        timeMax: window.end.toISOString(),
        timeZone: window.timeZone,
        items: ids.map((id) => ({ id })),
      },
    },
    signal ? { signal } : {},
  );
  return res.data.calendars ?? {};
}

const toIntervals = (busy: calendar_v3.Schema$TimePeriod[] | undefined): Interval[] =>
  (busy ?? []).map((b) => ({ start: Date.parse(b.start ?? ''), end: Date.parse(b.end ?? '') }));

/**
 * Busy intervals per calendar (the user's primary plus the given people) from freeBusy.query: one
 * call for up to FREEBUSY_MAX_CALENDARS calendars, more calls (at once) only beyond that.
 */
export async function queryBusy(ctx: ToolContext, start: Date, end: Date, people: string[]) {
  const ids = ['primary', ...people];
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += FREEBUSY_MAX_CALENDARS)
    batches.push(ids.slice(i, i + FREEBUSY_MAX_CALENDARS));
  const window = { start, end, timeZone: ctx.timeZone };
  const answers = await Promise.all(
    batches.map((batch) => freeBusyQuery(ctx.google.calendar(), batch, window, ctx.signal)),
  );
  const calendars = Object.assign({}, ...answers) as NonNullable<Calendars>;
  const busy = new Map<string, Interval[]>();
  const unavailable: string[] = [];
  for (const id of ids) {
    const entry = calendars[id];
    // Another domain's calendar often cannot be read: Google reports errors instead of busy times.
    if (!entry || entry.errors?.length) {
      unavailable.push(id === 'primary' ? ctx.user.email : id);
      continue;
    }
    busy.set(id, toIntervals(entry.busy));
  }
  return { busy, unavailable };
}

/**
 * The busy times of one person's own primary calendar, with their own client: the only call Lume
 * makes with a teammate's token. Rejects when Google reports the calendar unreadable.
 */
export async function ownBusy(
  calendar: calendar_v3.Calendar,
  start: Date,
  end: Date,
  signal?: AbortSignal,
): Promise<Interval[]> {
  const calendars = await freeBusyQuery(calendar, ['primary'], { start, end, timeZone: 'UTC' }, signal);
  const entry = calendars.primary;
  if (!entry || entry.errors?.length) throw new Error('free/busy unavailable for this calendar');
  return toIntervals(entry.busy);
}

/** Overlapping intervals merged into one sorted list. */
export function mergeIntervals(lists: Interval[][]): Interval[] {
  const sorted = lists.flat().sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const i of sorted) {
    const last = merged.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else merged.push({ ...i });
  }
  return merged;
}

export const localInterval = (i: Interval, timeZone: string) => ({
  start: toLocalIso(new Date(i.start), timeZone),
  end: toLocalIso(new Date(i.end), timeZone),
});
