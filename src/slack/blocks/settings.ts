import { formatDay } from '../../agenda/time';
import { nextBriefingAt } from '../../settings/briefing-time';
import { BRIEFING_DAYS_WORDS, TRAVEL_MODE_WORDS, type TravelMode } from '../../settings/rules';
import { formatTimeOfDay } from '../../settings/time-of-day';
import type { Briefing, Location, PersonSettings } from '../../settings/types';
import { addDays, localDate } from '../../time/zone';
import { esc } from './text';

/** Said wherever leave-now would need Maps and this Lume has no key. */
export const NO_MAPS =
  "Leave-now reminders need Google Maps, which this Lume's admin hasn't configured yet (GOOGLE_MAPS_API_KEY).";

/** What a person's settings are shown against: their Slack zone, the clock, whether Maps is there. */
export interface SettingsScene {
  zone: string;
  now: Date;
  mapsConfigured: boolean;
}

const minutes = (n: number) => `${n} minute${n === 1 ? '' : 's'}`;

export function remindersLine(r: PersonSettings['reminders']): string {
  if (!r.enabled) return ':bell: *Meeting reminders:* off';
  const when =
    r.leadMinutes === 0 ? 'as each meeting starts' : `${minutes(r.leadMinutes)} before each meeting`;
  return `:bell: *Meeting reminders:* on, ${when}`;
}

export function invitationsLine(i: PersonSettings['invitations']): string {
  return i.enabled
    ? ':envelope_with_arrow: *Invitations:* on — a DM for each new one, with Yes / Maybe / No'
    : ':envelope_with_arrow: *Invitations:* off';
}

/** "today", "tomorrow" or "Thursday, June 12": the day of an instant, in the person's zone. */
function dayWords(at: Date, zone: string, now: Date): string {
  const day = localDate(at, zone);
  const today = localDate(now, zone);
  if (day === today) return 'today';
  if (day === addDays(today, 1)) return 'tomorrow';
  return formatDay(day);
}

/** When the briefing comes, in words and in the zone it follows; the next one, so nobody has to work it out. */
export function briefingWhen(b: Briefing, s: Pick<SettingsScene, 'zone' | 'now'>): string {
  const next = nextBriefingAt(b, s.zone, s.now);
  return `${BRIEFING_DAYS_WORDS[b.days]} at ${formatTimeOfDay(b)}, ${esc(s.zone)} time (your Slack time zone) — the next one ${dayWords(next, s.zone, s.now)}`;
}

export function briefingLine(b: Briefing | null, s: Pick<SettingsScene, 'zone' | 'now'>): string {
  return b ? `:sunrise: *Daily briefing:* ${briefingWhen(b, s)}` : ':sunrise: *Daily briefing:* off';
}

export function locationLine(l: Location | null, mapsConfigured: boolean): string {
  if (l) {
    const shown = l.formattedAddress ?? l.input;
    const typed = shown !== l.input ? ` (you typed “${esc(l.input)}”)` : '';
    const note = mapsConfigured ? '' : ` — ${NO_MAPS}`;
    return `:round_pushpin: *Leave-now start:* ${esc(shown)}${typed}${note}`;
  }
  return mapsConfigured
    ? ':round_pushpin: *Leave-now start:* not set — `/lume location &lt;address&gt;` turns leave-now reminders on'
    : `:round_pushpin: *Leave-now start:* not set — ${NO_MAPS}`;
}

export function travelLine(mode: TravelMode): string {
  return `:world_map: *Travel to meetings:* ${TRAVEL_MODE_WORDS[mode]}`;
}

/** Every setting, one line each (App Home, and the fallback when the modal cannot open). */
export function settingsLines(p: PersonSettings, s: SettingsScene): string[] {
  return [
    remindersLine(p.reminders),
    invitationsLine(p.invitations),
    briefingLine(p.briefing, s),
    locationLine(p.location, s.mapsConfigured),
    travelLine(p.travelMode),
  ];
}

/** What Places made of a typed address, when it is not one place; `quote` escapes it for the surface. */
export type LocateOutcome =
  | { kind: 'ambiguous'; addresses: string[] }
  | { kind: 'not-found' }
  | { kind: 'unavailable'; keyRefused: boolean };

/** Why an address was not stored, in one sentence (a message line, or an inline error under the field). */
export function locateProblem(o: LocateOutcome, typed: string, quote: (s: string) => string): string {
  switch (o.kind) {
    case 'ambiguous':
      return `“${quote(typed)}” matches several places (${o.addresses.slice(0, 3).map(quote).join(' · ')}). Add the street number, city or postcode.`;
    case 'not-found':
      return `Google Maps found no place for “${quote(typed)}”. Try the street and number with the city.`;
    case 'unavailable':
      return o.keyRefused
        ? "Google refused this Lume's Maps key, so the address could not be checked; please tell your Slack admin."
        : "Google Maps couldn't check the address just now; please try again in a minute.";
  }
}
