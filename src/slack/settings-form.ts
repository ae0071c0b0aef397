import type { ViewStateValue } from '@slack/bolt';
import {
  isBriefingDays,
  isLeadMinutes,
  isTravelMode,
  LEAD_MINUTES,
  LOCATION_MAX_CHARS,
  locationInputOf,
} from '../settings/rules';
import { parseTimeOfDay } from '../settings/time-of-day';
import type { PersonSettings, SettingsChange } from '../settings/types';
import { BRIEFING_OFF, FIELDS, TICKED } from './blocks/settings-modal';

type Values = Record<string, Record<string, ViewStateValue>>;

/** One line under a field, in plain text (Slack shows inline errors as is). */
export const FORM_ERRORS = {
  required: 'Please choose one.',
  lead: `Enter whole minutes from ${LEAD_MINUTES.min} to ${LEAD_MINUTES.max}.`,
  briefingTime: 'Pick a time for the briefing, or set the briefing to Off.',
  location: `Enter an address of at most ${LOCATION_MAX_CHARS} characters, or leave it empty.`,
} as const;

/** What a submitted settings form asks for, before the typed address (if new) is looked up. */
export interface FormReading {
  change: SettingsChange;
  /** block_id → the line shown under it; empty when the form is valid. */
  errors: Record<string, string>;
  /** A new address to resolve with Maps; null clears the location; undefined leaves it as it is. */
  address?: string | null;
}

const field = (values: Values, f: { block: string; action: string }) => values[f.block]?.[f.action];

/**
 * The form's values as a settings change, checked with the same rules as the text commands. Every
 * field is read from state.values, never from private_metadata, and a field missing from a
 * submission is an error (Slack sends every input block's state).
 */
export function readSettingsForm(
  values: Values,
  current: PersonSettings,
  mapsConfigured: boolean,
): FormReading {
  const errors: Record<string, string> = {};
  const change: SettingsChange = {};

  const reminders = field(values, FIELDS.reminders);
  const lead = field(values, FIELDS.lead);
  const minutes = /^\d{1,3}$/.test(lead?.value ?? '') ? Number(lead?.value) : Number.NaN;
  if (!reminders) errors[FIELDS.reminders.block] = FORM_ERRORS.required;
  if (!isLeadMinutes(minutes)) errors[FIELDS.lead.block] = FORM_ERRORS.lead;
  else change.reminders = { enabled: ticked(reminders), leadMinutes: minutes };

  const invitations = field(values, FIELDS.invitations);
  if (!invitations) errors[FIELDS.invitations.block] = FORM_ERRORS.required;
  else change.invitations = { enabled: ticked(invitations) };

  const days = field(values, FIELDS.briefingDays)?.selected_option?.value;
  const time = parseTimeOfDay(field(values, FIELDS.briefingTime)?.selected_time ?? '');
  if (days === BRIEFING_OFF) change.briefing = null;
  else if (!isBriefingDays(days)) errors[FIELDS.briefingDays.block] = FORM_ERRORS.required;
  else if (!time) errors[FIELDS.briefingTime.block] = FORM_ERRORS.briefingTime;
  else change.briefing = { ...time, days };

  const mode = field(values, FIELDS.travel)?.selected_option?.value;
  if (isTravelMode(mode)) change.travelMode = mode;
  else errors[FIELDS.travel.block] = FORM_ERRORS.required;

  const location = field(values, FIELDS.location);
  let address: string | null | undefined;
  if (mapsConfigured && location) {
    const typed = (location.value ?? '').trim();
    if (!typed) address = current.location ? null : undefined;
    else if (!locationInputOf(typed)) errors[FIELDS.location.block] = FORM_ERRORS.location;
    else if (locationInputOf(typed) !== current.location?.input) address = locationInputOf(typed);
  }
  return { change, errors, address };
}

function ticked(v: ViewStateValue | undefined): boolean {
  return !!v?.selected_options?.some((o) => o.value === TICKED);
}
