import { settingsLines } from '../../blocks/settings';
import { openSettings } from '../../open-settings';
import { answer, settingsAccount } from './setting-account';
import { noArgs, type Subcommand } from './subcommand';

/** `/lume settings`: every setting in one modal; if Slack will not open it, the settings in words. */
export const settings: Subcommand<undefined> = {
  name: 'settings',
  usage: '/lume settings',
  description:
    'reminders, invitations, the daily briefing and leave-now, in one form (also on your App Home)',
  args: noArgs,
  async handler(input) {
    const account = await settingsAccount(input);
    if (!account) return;
    const { deps, client, command } = input;
    const opened = await openSettings(deps, client, {
      person: account.person,
      triggerId: command.trigger_id,
      from: 'command',
    });
    if (opened) return;
    const now = await deps.ctx.settings.get(account.person);
    await answer(
      input,
      "Slack didn't open the settings form just now, so here they are — change each with its command (`/lume help`) or run `/lume settings` again:",
      ...settingsLines(now, account.scene),
    );
  },
};
