import type { AllMiddlewareArgs, RespondFn, SlackCommandMiddlewareArgs, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackDeps } from '../../deps';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** One `/lume <subcommand>`, after the command was acknowledged. */
export interface SubcommandInput {
  deps: SlackDeps;
  teamId: string;
  userId: string;
  /** Words after the subcommand name. */
  args: string[];
  /** Everything the person typed after /lume. */
  text: string;
  command: SlashCommand;
  respond: RespondFn;
  client: WebClient;
}

export type Subcommand = (input: SubcommandInput) => Promise<void>;
