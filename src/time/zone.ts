/**
 * Wall-clock arithmetic in a person's IANA zone, with Intl only (no tz library). Slack gives each
 * person a zone; "today", "tomorrow" and "at 3" mean their day and their 3 o'clock, not the server's.
 * The agenda, the tools and the agent all use this one module.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
const DAY = 86_400_000;

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

function parts(date: Date, timeZone: string): Record<string, string> {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'long',
    });
    formatters.set(timeZone, f);
  }
  return Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value]));
}

/** Minutes the zone is ahead of UTC at this instant (e.g. -420 for Los Angeles in summer). */
export function offsetMinutes(date: Date, timeZone: string): number {
  const p = parts(date, timeZone);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "2024-05-02T15:00:00-07:00": the instant written in the person's zone. */
export function toLocalIso(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offsetText(offsetMinutes(date, timeZone))}`;
}

/** "2024-05-02": the person's calendar date at this instant. */
export function localDate(date: Date, timeZone: string): string {
  return toLocalIso(date, timeZone).slice(0, 10);
}

export function weekdayOf(date: Date, timeZone: string): string {
  return parts(date, timeZone).weekday;
}

/** A date, or a date-time with an optional offset, as the model or a form writes it. */
export const LOCAL_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * With an offset it is that instant; without, it is wall-clock time in `timeZone` (a bare date is
 * its midnight). DST gaps resolve forward and repeated hours to their first occurrence, as calendars do.
 */
export function parseLocal(text: string, timeZone: string): Date {
  const m = LOCAL_TIME.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not an ISO 8601 date or date-time`);
  if (m[7]) return new Date(text.trim().replace(' ', 'T'));
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  // Two guesses, with the offsets a day either side (one per side of any transition); keep those that
  // read back as this wall time. West or east of Greenwich, a repeated time then has both candidates.
  const guesses = [-DAY, DAY].map((d) => wall - offsetMinutes(new Date(wall + d), timeZone) * 60_000);
  const readsBack = (t: number) => t + offsetMinutes(new Date(t), timeZone) * 60_000 === wall;
  const valid = guesses.filter(readsBack);
  return new Date(valid.length ? Math.min(...valid) : Math.max(...guesses));
}

/** "YYYY-MM-DD" plus n days (calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The instant the local day `ymd` starts in `tz`. */
export const startOfLocalDay = (ymd: string, tz: string): Date => parseLocal(ymd, tz);

/** A person's day around `now`: the local date and [start, end) as instants. */
export function localDay(now: Date, tz: string): { date: string; start: Date; end: Date } {
  const date = localDate(now, tz);
  return { date, start: startOfLocalDay(date, tz), end: startOfLocalDay(addDays(date, 1), tz) };
}
