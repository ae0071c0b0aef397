/**
 * Calendar-day arithmetic in a person's own time zone, with Intl only (no tz library): "today" for
 * someone in Los Angeles is not today in UTC, and their 10:00 is not the server's 10:00.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** An IANA zone Intl accepts, else UTC (Slack can send an empty or unknown tz). */
export function safeZone(tz: string | null | undefined): string {
  if (!tz) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz;
  } catch {
    return 'UTC';
  }
}

function wallClock(
  at: Date,
  tz: string,
): { y: number; m: number; d: number; h: number; mi: number; s: number } {
  let f = partsFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(tz, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { y: p.year, m: p.month, d: p.day, h: p.hour, mi: p.minute, s: p.second };
}

/** The calendar date (YYYY-MM-DD) it is at `at` in `tz`. */
export function localDate(at: Date, tz: string): string {
  const w = wallClock(at, tz);
  return `${w.y}-${String(w.m).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`;
}

export function addDays(ymd: string, days: number): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Offset of `tz` from UTC at instant `at`, in ms (e.g. -7 h for Los Angeles in summer). */
function offsetMs(at: Date, tz: string): number {
  const w = wallClock(at, tz);
  const asUtc = Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant local midnight starts `ymd` in `tz` (DST-safe: the offset is re-checked at the result). */
export function startOfLocalDay(ymd: string, tz: string): Date {
  const [y, m, d] = ymd.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d);
  const first = guess - offsetMs(new Date(guess), tz);
  const second = guess - offsetMs(new Date(first), tz);
  return new Date(second);
}

/** Today's bounds for a person: [start, end) as instants, and the local date. */
export function localDay(now: Date, tz: string): { date: string; start: Date; end: Date } {
  const date = localDate(now, tz);
  return { date, start: startOfLocalDay(date, tz), end: startOfLocalDay(addDays(date, 1), tz) };
}

const timeFormatters = new Map<string, Intl.DateTimeFormat>();

/** "10:00 AM" in the person's zone. ICU puts a narrow no-break space before AM/PM; Slack users expect a space. */
export function formatTime(at: Date, tz: string): string {
  let f = timeFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hour: 'numeric', minute: '2-digit' });
    timeFormatters.set(tz, f);
  }
  return f.format(at).replace(/[\u202f\u00a0]/g, ' ');
}

/** "Tuesday, March 12" for a calendar date (no zone involved: the date is already local). */
export function formatDay(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    weekday: 'long',
    month: 'long',
    day: 'numeric',
  }).format(new Date(Date.UTC(y, m - 1, d, 12)));
}

/** "Mar 10" for a due date. */
export function formatShortDay(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' }).format(
    new Date(Date.UTC(y, m - 1, d, 12)),
  );
}
