import { z } from 'zod';

/**
 * Wall-clock arithmetic in the user's IANA zone with Intl only (no tz library is installed).
 * The model speaks local times ("2024-05-02T15:00"); Google wants instants with offsets.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function parts(date: Date, timeZone: string): Record<string, string> {
  let f = partsFormatters.get(timeZone);
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
    partsFormatters.set(timeZone, f);
  }
  return Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value]));
}

/** Minutes the zone is ahead of UTC at this instant. */
export function offsetMinutes(date: Date, timeZone: string): number {
  const p = parts(date, timeZone);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "2024-05-02T15:00:00-07:00": the instant written in the user's zone, for the model and for Google. */
export function toLocalIso(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offsetText(offsetMinutes(date, timeZone))}`;
}

/** "2024-05-02": the user's calendar date at this instant. */
export function localDate(date: Date, timeZone: string): string {
  return toLocalIso(date, timeZone).slice(0, 10);
}

export function weekdayOf(date: Date, timeZone: string): string {
  return parts(date, timeZone).weekday;
}

const LOCAL =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A time the model gave: with an offset it is that instant; without, it is wall-clock time in
 * `timeZone` (a bare date is its midnight). DST gaps resolve forward, as calendars do.
 */
export function parseLocal(text: string, timeZone: string): Date {
  const m = LOCAL.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not an ISO 8601 date or date-time`);
  if (m[7]) return new Date(text.trim().replace(' ', 'T'));
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  // Two guesses, one per offset around any transition; keep those that read back as this wall time.
  const first = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  const second = wall - offsetMinutes(new Date(first), timeZone) * 60_000;
  const readsBack = (t: number) => t + offsetMinutes(new Date(t), timeZone) * 60_000 === wall;
  const valid = [first, second].filter(readsBack);
  // Repeated hour (autumn): the first occurrence. Skipped hour (spring): the instant after the gap.
  return new Date(valid.length ? Math.min(...valid) : Math.max(first, second));
}

/** "YYYY-MM-DD" plus n days (calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "Thu, May 2, 3:00 PM PDT": what a person reads on a confirmation card. */
export function humanTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** "4:00 PM PDT": the end of a same-day range. */
export function humanClock(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** "Thu, May 2, 2024": for all-day items and due dates. */
export function humanDate(date: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** Zod field for a time the model supplies; described so it never invents an offset or a date. */
export const localTimeField = (what: string) =>
  z
    .string()
    .regex(LOCAL, 'ISO 8601, e.g. 2024-05-02T15:00')
    .describe(
      `${what}: ISO 8601 local date-time in the user's time zone, e.g. "2024-05-02T15:00" (no offset needed). Resolve words like "tomorrow" with get_current_time first.`,
    );

export const localDateField = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
    .describe(`${what}: a date YYYY-MM-DD in the user's time zone.`);
