/** How the agenda writes times and dates; the zone arithmetic itself lives in src/time/zone. */

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
