/** A wall-clock time in the person's own zone (the zone is kept apart: it follows Slack). */
export interface TimeOfDay {
  hour: number;
  minute: number;
}

// 8, 8:30, 08:30, 8.30, 17:05, 5pm, 5 pm, 8:30am, 8:30 a.m.
const CLOCK = /^(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?$/i;

export const isTimeOfDay = (t: unknown): t is TimeOfDay => {
  const { hour, minute } = (t ?? {}) as Partial<TimeOfDay>;
  return (
    Number.isInteger(hour) &&
    Number.isInteger(minute) &&
    (hour as number) >= 0 &&
    (hour as number) <= 23 &&
    (minute as number) >= 0 &&
    (minute as number) <= 59
  );
};

/**
 * What a person typed as a time of day: 24-hour (`8:30`, `08:30`, `17:05`, `8`) or 12-hour with
 * am/pm (`8:30am`, `5pm`, `12am` is midnight, `12pm` noon). Undefined for anything else
 * (`25:00`, `8:75`, `13pm`, `noonish`).
 */
export function parseTimeOfDay(text: string): TimeOfDay | undefined {
  const m = CLOCK.exec(text.trim());
  if (!m) return undefined;
  const [, h, mm, half] = m;
  let hour = Number(h);
  const minute = mm === undefined ? 0 : Number(mm);
  if (half) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = half[0].toLowerCase() === 'p';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  const time = { hour, minute };
  return isTimeOfDay(time) ? time : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "08:30": the 24-hour form Slack's timepicker takes and gives. */
export const toHHMM = (t: TimeOfDay): string => `${pad(t.hour)}:${pad(t.minute)}`;

/** "8:30 AM", as the agenda writes times. */
export function formatTimeOfDay(t: TimeOfDay): string {
  const h12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
  return `${h12}:${pad(t.minute)} ${t.hour < 12 ? 'AM' : 'PM'}`;
}
