import { toLocalIso } from '../../time/zone';
import type { ToolContext } from '../types';
import { callOptions } from './call-options';

export interface Interval {
  start: number;
  end: number;
}

/** Busy intervals per calendar (the user's primary plus the given people) from freeBusy.query. */
export async function queryBusy(ctx: ToolContext, start: Date, end: Date, people: string[]) {
  const ids = ['primary', ...people];
  const res = await ctx.google.calendar().freebusy.query(
    {
      requestBody: {
        timeMin: start.toISOString(),
        timeMax: end.toISOString(),
        timeZone: ctx.timeZone,
        items: ids.map((id) => ({ id })),
      },
    },
    callOptions(ctx),
  );
  const calendars = res.data.calendars ?? {};
  const busy = new Map<string, Interval[]>();
  const unavailable: string[] = [];
  for (const id of ids) {
    const entry = calendars[id];
    // Another domain's calendar often cannot be read: Google reports errors instead of busy times.
    if (!entry || entry.errors?.length) {
      unavailable.push(id === 'primary' ? ctx.user.email : id);
      continue;
    }
    busy.set(
      id,
      (entry.busy ?? []).map((b) => ({ start: Date.parse(b.start ?? ''), end: Date.parse(b.end ?? '') })),
    );
  }
  return { busy, unavailable };
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
