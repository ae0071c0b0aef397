import type { types } from '@slack/bolt';
import {
  BRIEFING_DAYS,
  BRIEFING_DAYS_WORDS,
  type BriefingDays,
  LEAD_MINUTES,
  LOCATION_MAX_CHARS,
  OFFERED_BRIEFING,
  TRAVEL_MODE_WORDS,
  TRAVEL_MODES,
} from '../../settings/rules';
import { toHHMM } from '../../settings/time-of-day';
import type { PersonSettings } from '../../settings/types';
import { NO_MAPS, type SettingsScene } from './settings';
import { type Block, context } from './text';

/** The modal's callback_id: the view_submission listener is registered on it. */
export const SETTINGS_VIEW = 'lume_settings';

/**
 * Where each field sits: `state.values[block][action]` in the submission, and the block an inline
 * error is shown under (response_action: errors is keyed by block_id).
 */
export const FIELDS = {
  reminders: { block: 'reminders', action: 'enabled' },
  lead: { block: 'lead', action: 'minutes' },
  invitations: { block: 'invitations', action: 'enabled' },
  briefingDays: { block: 'briefing', action: 'days' },
  briefingTime: { block: 'briefing_time', action: 'time' },
  location: { block: 'location', action: 'address' },
  travel: { block: 'travel', action: 'mode' },
} as const;

/** The only value a checkbox carries: ticked. */
export const TICKED = 'on';
/** The briefing select's "no briefing". */
export const BRIEFING_OFF = 'off';

/** What the modal carries to its submission: only which surface opened it (to refresh App Home). */
export interface SettingsMetadata {
  from: 'command' | 'home';
}

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });
const option = (value: string, text: string) => ({ text: plain(text), value });

function tickbox(field: { block: string; action: string }, label: string, text: string, on: boolean): Block {
  const box = option(TICKED, text);
  return {
    type: 'input',
    block_id: field.block,
    optional: true,
    label: plain(label),
    element: {
      type: 'checkboxes',
      action_id: field.action,
      options: [box],
      ...(on ? { initial_options: [box] } : {}),
    },
  };
}

function briefingBlocks(p: PersonSettings, s: SettingsScene): Block[] {
  const label = (d: BriefingDays) => {
    const words = BRIEFING_DAYS_WORDS[d];
    return `${words[0].toUpperCase()}${words.slice(1)}${d === 'weekdays' ? ' (Monday–Friday)' : ''}`;
  };
  const days = [option(BRIEFING_OFF, 'Off'), ...BRIEFING_DAYS.map((d) => option(d, label(d)))];
  const chosen = days.find((o) => o.value === (p.briefing?.days ?? BRIEFING_OFF)) ?? days[0];
  return [
    {
      type: 'input',
      block_id: FIELDS.briefingDays.block,
      label: plain('Daily briefing'),
      hint: plain('Your day — calendar, tasks and the mail that needs you — as a DM each morning.'),
      element: {
        type: 'static_select',
        action_id: FIELDS.briefingDays.action,
        options: days,
        initial_option: chosen,
      },
    },
    {
      type: 'input',
      block_id: FIELDS.briefingTime.block,
      optional: true,
      label: plain('Briefing time'),
      hint: plain(`In your Slack time zone, ${s.zone}; it follows you when you change it in Slack.`),
      element: {
        type: 'timepicker',
        action_id: FIELDS.briefingTime.action,
        initial_time: toHHMM(p.briefing ?? OFFERED_BRIEFING),
        timezone: s.zone,
      },
    },
  ];
}

function leaveNowBlocks(p: PersonSettings, s: SettingsScene): Block[] {
  const modes = TRAVEL_MODES.map((m) => option(m, TRAVEL_MODE_WORDS[m]));
  const location: Block = s.mapsConfigured
    ? {
        type: 'input',
        block_id: FIELDS.location.block,
        optional: true,
        label: plain('Where you usually start from'),
        hint: plain(
          'For leave-now reminders: Lume tells you when to leave for meetings in person. Empty: none. Stored encrypted.',
        ),
        element: {
          type: 'plain_text_input',
          action_id: FIELDS.location.action,
          max_length: LOCATION_MAX_CHARS,
          placeholder: plain('e.g. 1 Market St, San Francisco'),
          ...(p.location ? { initial_value: p.location.input } : {}),
        },
      }
    : context(NO_MAPS);
  return [
    location,
    {
      type: 'input',
      block_id: FIELDS.travel.block,
      label: plain('How you travel to meetings'),
      element: {
        type: 'radio_buttons',
        action_id: FIELDS.travel.action,
        options: modes,
        initial_option: modes.find((o) => o.value === p.travelMode) ?? modes[0],
      },
    },
  ];
}

/** `/lume settings` and App Home's Edit: every setting, as it stands, in one form. */
export function settingsModal(p: PersonSettings, s: SettingsScene, meta: SettingsMetadata): types.ModalView {
  const blocks: Block[] = [
    tickbox(FIELDS.reminders, 'Meeting reminders', 'DM me before each meeting', p.reminders.enabled),
    {
      type: 'input',
      block_id: FIELDS.lead.block,
      label: plain('Minutes before the meeting'),
      hint: plain(`${LEAD_MINUTES.min}–${LEAD_MINUTES.max}; 0 reminds you as it starts.`),
      element: {
        type: 'number_input',
        action_id: FIELDS.lead.action,
        is_decimal_allowed: false,
        min_value: String(LEAD_MINUTES.min),
        max_value: String(LEAD_MINUTES.max),
        initial_value: String(p.reminders.leadMinutes),
      },
    },
    tickbox(
      FIELDS.invitations,
      'Invitations',
      'DM me each new invitation, with Yes / Maybe / No',
      p.invitations.enabled,
    ),
    ...briefingBlocks(p, s),
    ...leaveNowBlocks(p, s),
  ];
  return {
    type: 'modal',
    callback_id: SETTINGS_VIEW,
    title: plain('Lume settings'),
    submit: plain('Save'),
    close: plain('Cancel'),
    private_metadata: JSON.stringify(meta),
    blocks,
  };
}
