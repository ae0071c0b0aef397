import type { BriefingDays, TravelMode } from './rules';
import type { TimeOfDay } from './time-of-day';

export type { BriefingDays, TravelMode } from './rules';
export type { TimeOfDay } from './time-of-day';

/** A Slack person: one user in one workspace (a linked Slack identity). */
export interface SlackPerson {
  teamId: string;
  slackUserId: string;
}

/** The daily briefing: a local time in the person's Slack zone, and on which days. */
export interface Briefing extends TimeOfDay {
  days: BriefingDays;
}

/**
 * Where leave-now trips start: the address as the person typed it and, when Maps resolved it,
 * Google's formatted address, place id and coordinates (Places API (New) text search).
 */
export interface Location {
  input: string;
  formattedAddress: string | null;
  placeId: string | null;
  lat: number | null;
  lng: number | null;
}

/** Everything a person chose for what Lume says first; the defaults when they never chose. */
export interface PersonSettings {
  reminders: { enabled: boolean; leadMinutes: number };
  invitations: { enabled: boolean };
  /** null: no briefing (the default). */
  briefing: Briefing | null;
  /** null: no location set, so no leave-now reminders. */
  location: Location | null;
  travelMode: TravelMode;
  /** The IANA zone Slack's users.info last gave, and when; null until Lume first read it. */
  timeZone: string | null;
  timeZoneReadAt: Date | null;
}

/** A change to some settings; what is left out stays as it is. */
export interface SettingsChange {
  reminders?: { enabled?: boolean; leadMinutes?: number };
  invitations?: { enabled: boolean };
  briefing?: Briefing | null;
  location?: Location | null;
  travelMode?: TravelMode;
}
