import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps';
import { ask } from './ask';
import { connect } from './connect';
import { disconnect } from './disconnect';
import { lumeCommand } from './lume';
import { status } from './status';
import { today } from './today';

/** The one slash command, /lume; its subcommands are the files beside this one. */
export function registerCommands(app: App, deps: SlackDeps): void {
  app.command('/lume', lumeCommand(deps, { connect, disconnect, status, today }, ask));
}
