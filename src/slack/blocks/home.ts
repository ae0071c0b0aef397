import type { types } from '@slack/bolt';
import type { Agenda } from '../../agenda';
import { formatDay } from '../../agenda/time';
import { CONNECT_LINK_TTL_MS } from '../../auth/connect-links';
import type { PersonSettings } from '../../settings/types';
import { inWords } from '../../time/duration';
import { SUGGESTED_PROMPTS } from '../suggested-prompts';
import { ACTIONS } from './action-ids';
import { agendaBlocks, zoneLine } from './agenda';
import { connectButton, disconnectButton, REQUESTED_AREAS } from './connect';
import { type SettingsScene, settingsLines } from './settings';
import { type Block, context, divider, esc, header, section } from './text';

export type HomeState =
  | {
      kind: 'connected';
      email: string;
      agenda: 'loading' | Agenda | { note: string };
      /** What Lume does on its own for this person, with an Edit button. */
      settings?: { settings: PersonSettings; scene: SettingsScene };
    }
  | { kind: 'not-connected'; connectUrl: string; revokedEmail?: string };

function accountBlocks(s: HomeState): Block[] {
  if (s.kind === 'connected') {
    return [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `Connected to Google as *${esc(s.email)}*.` },
        accessory: disconnectButton(s.email),
      },
    ];
  }
  const lead = s.revokedEmail
    ? `Lume no longer has access to *${esc(s.revokedEmail)}*. Connect again to see your day here.`
    : 'Connect your Google account and Lume shows your day here, and answers questions about your mail, calendar and tasks.';
  return [
    { type: 'section', text: { type: 'mrkdwn', text: lead }, accessory: connectButton(s.connectUrl) },
    context(
      `Lume will ask for: ${REQUESTED_AREAS.join(', ')}. The button's link works once, for ${inWords(CONNECT_LINK_TTL_MS)}; reopen this tab for a fresh one.`,
    ),
  ];
}

function dayBlocks(s: Extract<HomeState, { kind: 'connected' }>): Block[] {
  const refresh: Block = {
    type: 'actions',
    elements: [
      { type: 'button', action_id: ACTIONS.refreshHome, text: { type: 'plain_text', text: 'Refresh' } },
    ],
  };
  if (s.agenda === 'loading') return [header('Today'), context(':hourglass_flowing_sand: Loading your day…')];
  if ('note' in s.agenda) return [header('Today'), section(`:warning: ${esc(s.agenda.note)}`), refresh];
  return [
    header(`Today — ${formatDay(s.agenda.date)}`),
    context(zoneLine(s.agenda.timeZone)),
    ...agendaBlocks(s.agenda),
    refresh,
  ];
}

function settingsBlocks(s: NonNullable<Extract<HomeState, { kind: 'connected' }>['settings']>): Block[] {
  return [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: '*What Lume tells you on its own*' },
      accessory: {
        type: 'button',
        action_id: ACTIONS.editSettings,
        text: { type: 'plain_text', text: 'Edit' },
      },
    },
    section(settingsLines(s.settings, s.scene).join('\n')),
  ];
}

/** The App Home tab: account status with Connect/Disconnect, today's agenda, settings, and what to ask. */
export function homeView(s: HomeState): types.HomeView {
  const blocks: Block[] = [
    header('Lume'),
    ...accountBlocks(s),
    divider(),
    ...(s.kind === 'connected' ? [...dayBlocks(s), divider()] : []),
    ...(s.kind === 'connected' && s.settings ? [...settingsBlocks(s.settings), divider()] : []),
    section(
      `*Ask me in Messages*, for example:\n${SUGGESTED_PROMPTS.map((p) => `• _${esc(p.message)}_`).join('\n')}`,
    ),
    context(
      'Commands: `/lume today` · `/lume status` · `/lume settings` · `/lume help`. Nothing changes until you click *Confirm*.',
    ),
  ];
  return { type: 'home', blocks };
}
