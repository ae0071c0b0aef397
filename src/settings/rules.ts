/**
 * Every limit, default and allowed value of a person's settings, once. The text commands, the
 * settings modal, `/lume help` and the settings service all read these, so a limit changed here is
 * changed everywhere people see or use it.
 */

/** Meeting reminders: how many minutes before an event starts. */
export const LEAD_MINUTES = { min: 0, max: 60, default: 5 } as const;

export const TRAVEL_MODES = ['driving', 'transit', 'walking', 'bicycling'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];
export const DEFAULT_TRAVEL_MODE: TravelMode = 'driving';

/** How each travel mode reads in a sentence ("… when you go by car"). */
export const TRAVEL_MODE_WORDS: Record<TravelMode, string> = {
  driving: 'driving',
  transit: 'public transit',
  walking: 'walking',
  bicycling: 'cycling',
};

/** `weekdays` is Monday to Friday, in the person's own zone. */
export const BRIEFING_DAYS = ['weekdays', 'daily'] as const;
export type BriefingDays = (typeof BRIEFING_DAYS)[number];
export const DEFAULT_BRIEFING_DAYS: BriefingDays = 'weekdays';

/** "every weekday at 8:30 AM": the days in a sentence (the modal adds what a weekday is). */
export const BRIEFING_DAYS_WORDS: Record<BriefingDays, string> = {
  weekdays: 'every weekday',
  daily: 'every day',
};

/** What the "Connected" DM offers with one click. */
export const OFFERED_BRIEFING = { hour: 8, minute: 30, days: 'weekdays' } as const satisfies {
  hour: number;
  minute: number;
  days: BriefingDays;
};

/** The longest address a person may type (Places text search takes far more; nobody's street does). */
export const LOCATION_MAX_CHARS = 200;

/** The longest time zone name stored (IANA names are far shorter; the column is 64). */
export const TIME_ZONE_MAX_CHARS = 64;

/** Words people use for each travel mode, beyond the mode names themselves. */
const TRAVEL_ALIASES: Record<string, TravelMode> = {
  drive: 'driving',
  car: 'driving',
  transit: 'transit',
  'public-transit': 'transit',
  bus: 'transit',
  train: 'transit',
  walk: 'walking',
  foot: 'walking',
  bicycle: 'bicycling',
  bike: 'bicycling',
  cycling: 'bicycling',
  cycle: 'bicycling',
};

export const isTravelMode = (v: unknown): v is TravelMode => TRAVEL_MODES.includes(v as TravelMode);
export const isBriefingDays = (v: unknown): v is BriefingDays => BRIEFING_DAYS.includes(v as BriefingDays);

/** A travel mode from what a person typed ("Transit", "bike"), or undefined. */
export function travelModeOf(word: string): TravelMode | undefined {
  const w = word.trim().toLowerCase();
  if (isTravelMode(w)) return w;
  return Object.hasOwn(TRAVEL_ALIASES, w) ? TRAVEL_ALIASES[w] : undefined;
}

export const isLeadMinutes = (n: unknown): n is number =>
  Number.isInteger(n) && (n as number) >= LEAD_MINUTES.min && (n as number) <= LEAD_MINUTES.max;

/** "10", "10m", "10 min", "10 minutes" → 10; anything else (or out of range) → undefined. */
export function leadMinutesOf(text: string): number | undefined {
  const m = /^(\d{1,3})\s*(?:m|min|mins|minutes?)?$/i.exec(text.trim());
  const n = m ? Number(m[1]) : Number.NaN;
  return isLeadMinutes(n) ? n : undefined;
}

/** A typed address Lume may store: not blank, not longer than LOCATION_MAX_CHARS, no control characters. */
export function locationInputOf(text: string): string | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (!t || t.length > LOCATION_MAX_CHARS || /[\u0000-\u001f\u007f]/.test(t)) return undefined;
  return t;
}
