import { addDays, localDate, parseLocal } from '../time/zone';
import type { Briefing } from './types';

const pad = (n: number) => String(n).padStart(2, '0');

/** Saturday or Sunday, for a calendar date (no zone involved: the date is already local). */
const isWeekend = (ymd: string) => [0, 6].includes(new Date(`${ymd}T12:00:00Z`).getUTCDay());

/**
 * The first briefing strictly after `after`: the chosen wall-clock time in `zone`, on the next day
 * it applies to (weekdays: Monday–Friday there). A time a daylight-saving change skips falls
 * forward and a repeated one is its first occurrence (parseLocal's rule), so no day is skipped or
 * doubled.
 */
export function nextBriefingAt(briefing: Briefing, zone: string, after: Date): Date {
  const today = localDate(after, zone);
  for (let i = 0; i < 8; i++) {
    const day = addDays(today, i);
    if (briefing.days === 'weekdays' && isWeekend(day)) continue;
    const at = parseLocal(`${day}T${pad(briefing.hour)}:${pad(briefing.minute)}`, zone);
    if (at.getTime() > after.getTime()) return at;
  }
  // Unreachable: within eight days there is always a weekday whose time is ahead.
  throw new Error('no briefing time in the next eight days');
}
