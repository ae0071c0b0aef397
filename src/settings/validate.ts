import { ErrorCode, LumeError } from '../errors';
import { isBriefingDays, isLeadMinutes, isTravelMode, locationInputOf } from './rules';
import { isTimeOfDay } from './time-of-day';
import type { Location, SettingsChange } from './types';

export type SettingField =
  | 'reminders'
  | 'leadMinutes'
  | 'invitations'
  | 'briefing'
  | 'location'
  | 'travelMode';

/** A change the settings service will not store; the surfaces check the same rules before they call it. */
export class InvalidSettingsError extends LumeError {
  constructor(readonly field: SettingField) {
    super(ErrorCode.SettingsInvalid, `invalid setting: ${field}`);
  }
}

const finite = (n: unknown) => typeof n === 'number' && Number.isFinite(n);

function isLocation(l: Location): boolean {
  // Stored as typed, so it must already be in the form locationInputOf leaves it.
  if (typeof l.input !== 'string' || locationInputOf(l.input) !== l.input) return false;
  const unresolved = l.lat === null && l.lng === null;
  const resolved =
    finite(l.lat) && finite(l.lng) && Math.abs(l.lat as number) <= 90 && Math.abs(l.lng as number) <= 180;
  return unresolved || resolved;
}

/** The first part of a change that breaks the rules (src/settings/rules.ts), or undefined. */
export function settingsProblem(change: SettingsChange): SettingField | undefined {
  const { reminders, invitations, briefing, location, travelMode } = change;
  if (reminders?.enabled !== undefined && typeof reminders.enabled !== 'boolean') return 'reminders';
  if (reminders?.leadMinutes !== undefined && !isLeadMinutes(reminders.leadMinutes)) return 'leadMinutes';
  if (invitations && typeof invitations.enabled !== 'boolean') return 'invitations';
  if (briefing && !(isTimeOfDay(briefing) && isBriefingDays(briefing.days))) return 'briefing';
  if (location && !isLocation(location)) return 'location';
  if (travelMode !== undefined && !isTravelMode(travelMode)) return 'travelMode';
  return undefined;
}
