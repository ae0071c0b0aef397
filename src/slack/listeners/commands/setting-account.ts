import type { PersonSettings, SettingsChange } from '../../../settings/types';
import type { SettingsScene } from '../../blocks/settings';
import { settingsScene } from '../../settings-scene';
import { connectedAccount } from './connected-account';
import type { SubcommandInput } from './subcommand';

/** Why a setting needs Google: everything these settings steer is about the person's calendar. */
export const SETTINGS_NEED_GOOGLE =
  'Reminders, invitations, the daily briefing and leave-now all come from your Google Calendar, so Lume keeps these settings once your Google account is connected.';

/**
 * For a settings subcommand: the person, connected, with the scene their settings are shown in.
 * Settings are kept only for people linked to Google (and deleted when they disconnect); anyone
 * else gets a connect link saying why, and nothing is stored.
 */
export async function settingsAccount(
  input: SubcommandInput<unknown>,
): Promise<{ person: { teamId: string; slackUserId: string }; scene: SettingsScene } | undefined> {
  const user = await connectedAccount(input, SETTINGS_NEED_GOOGLE);
  if (!user) return undefined;
  const person = { teamId: input.teamId, slackUserId: input.userId };
  return { person, scene: await settingsScene(input.deps, person) };
}

/** Every setting command answers the same way: one ephemeral message, the setting as it now stands. */
export async function answer(input: SubcommandInput<unknown>, ...lines: string[]): Promise<void> {
  const text = lines.map((l) => (/[.!?]$/.test(l) ? l : `${l}.`)).join('\n');
  await input.respond({ response_type: 'ephemeral', text });
}

/** `on` / `off` (any case), or undefined. */
export function onOff(text: string): boolean | undefined {
  const w = text.trim().toLowerCase();
  return w === 'on' ? true : w === 'off' ? false : undefined;
}

/**
 * The flow of every setting command: a connected person's setting shown as it stands (no change) or
 * changed and then shown, in the lines `say` makes of it.
 */
export async function showOrChange(
  input: SubcommandInput<unknown>,
  change: SettingsChange | undefined,
  say: (now: PersonSettings, scene: SettingsScene) => string[],
): Promise<void> {
  const account = await settingsAccount(input);
  if (!account) return;
  const { settings } = input.deps.ctx;
  const now = change ? await settings.update(account.person, change) : await settings.get(account.person);
  await answer(input, ...say(now, account.scene));
}
