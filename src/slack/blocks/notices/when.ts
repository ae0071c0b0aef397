import { formatTime } from '../../../agenda/time';
import { localDate } from '../../../time/zone';

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** "Tue, Mar 12" in the person's zone. */
export function shortDay(at: Date, tz: string): string {
  let f = dayFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, weekday: 'short', month: 'short', day: 'numeric' });
    dayFormatters.set(tz, f);
  }
  return f.format(at);
}

/** "Tue, Mar 12, 10:00 AM": one instant, as a notice names it. */
export const dayAndTime = (at: Date, tz: string) => `${shortDay(at, tz)}, ${formatTime(at, tz)}`;

/** "10:00 AM – 10:30 AM", or with the end's day when it ends on another day. */
export function timeRange(start: Date, end: Date, tz: string): string {
  const sameDay = localDate(start, tz) === localDate(new Date(end.getTime() - 1), tz);
  return `${formatTime(start, tz)} – ${sameDay ? formatTime(end, tz) : dayAndTime(end, tz)}`;
}

/**
 * When an event is, in the person's zone: "Tue, Mar 12, 10:00 AM – 10:30 AM"; all-day ones (their
 * end is the midnight after the last day) "Tue, Mar 12 (all day)" or "Tue, Mar 12 – Thu, Mar 14 (all day)".
 */
export function eventWhen(e: { start: Date; end: Date }, tz: string, allDay = false): string {
  if (!allDay) return `${shortDay(e.start, tz)}, ${timeRange(e.start, e.end, tz)}`;
  const last = new Date(e.end.getTime() - 1);
  const first = shortDay(e.start, tz);
  return localDate(e.start, tz) === localDate(last, tz)
    ? `${first} (all day)`
    : `${first} – ${shortDay(last, tz)} (all day)`;
}
