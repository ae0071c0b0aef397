import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps';
import { ask } from './ask';
import { briefing } from './briefing';
import { connect } from './connect';
import { disconnect } from './disconnect';
import { help } from './help';
import { invitations } from './invitations';
import { location } from './location';
import { lumeCommand } from './lume';
import { reminders } from './reminders';
import { settings } from './settings';
import { status } from './status';
import type { Subcommand } from './subcommand';
import { today } from './today';
import { travel } from './travel';

/**
 * The subcommands of /lume, in the order `/lume help` lists them. A new one is a file beside this
 * (its name, usage, description, argument rule and handler) and a line here.
 */
export const SUBCOMMANDS: readonly Subcommand[] = [
  today,
  connect,
  status,
  disconnect,
  settings,
  reminders,
  briefing,
  invitations,
  location,
  travel,
  help,
];

/** The one slash command, /lume: a subcommand from the list, or a question for the agent. */
export function registerCommands(app: App, deps: SlackDeps): void {
  app.command('/lume', lumeCommand(deps, SUBCOMMANDS, ask));
}
