/** Durations Lume states in more than one place: the number and the words people read come from here. */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** "10 minutes", "1 hour", "2 days": a whole number of the largest unit that fits exactly. */
export function inWords(ms: number): string {
  const [unit, size] = (
    [
      ['day', DAY_MS],
      ['hour', HOUR_MS],
      ['minute', MINUTE_MS],
    ] as const
  ).find(([, size]) => ms >= size && ms % size === 0) ?? ['second', 1000];
  const n = Math.round(ms / size);
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
