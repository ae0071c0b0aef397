import { isInvalidGrant } from '../../../google/errors';
import { MESSAGES } from '../../../messages';
import { closestSubcommand, helpMessage } from '../../blocks/help';
import type { SlackDeps } from '../../deps';
import { connectPrompt } from '../../people';
import type { CommandArgs, Subcommand } from './types';

/**
 * What may follow a subcommand's name (none: nothing). Anything else is a question that happens to
 * start with that word — "/lume help me draft a reply", "/lume status of the Q3 report?" — and goes
 * to the agent rather than showing help or the connection status.
 */
const ARGS: Record<string, RegExp> = { today: /^share$/i };
const takes = (name: string, args: string[]) => args.length === 0 || !!ARGS[name]?.test(args.join(' '));

/**
 * `/lume …`: acknowledge first, always within Slack's 3 s, then run the subcommand and answer through
 * response_url (ephemeral unless the person asked to share). Help needs no I/O, so it rides on the ack.
 * Anything that is not a subcommand is a question for the agent.
 */
export function lumeCommand(deps: SlackDeps, subcommands: Record<string, Subcommand>, ask: Subcommand) {
  return async ({ command, ack, respond, client, context }: CommandArgs): Promise<void> => {
    const text = command.text.trim();
    const [first = '', ...args] = text.split(/\s+/).filter(Boolean);
    const name = first.toLowerCase();

    if (name === '' || (name === 'help' && args.length === 0)) {
      await ack({ response_type: 'ephemeral', ...helpMessage() });
      return;
    }
    // Own properties only: `/lume constructor` is a question, not Object.prototype.constructor.
    const sub = Object.hasOwn(subcommands, name) && takes(name, args) ? subcommands[name] : undefined;
    const typo = !sub && args.length === 0 ? closestSubcommand(name) : undefined;
    if (typo) {
      await ack({
        response_type: 'ephemeral',
        text: `Did you mean \`/lume ${typo}\`? To ask a question, write it out, e.g. \`/lume what's on today?\` — or see \`/lume help\`.`,
      });
      return;
    }
    await ack();

    const teamId = context.teamId ?? command.team_id;
    const input = { deps, teamId, userId: command.user_id, args, text, command, respond, client };
    const started = Date.now();
    try {
      await (sub ?? ask)(input);
      // The subcommand name only: a question's text is the person's business, not the log's.
      deps.ctx.log.info(
        { subcommand: sub ? name : 'ask', teamId, userId: command.user_id, ms: Date.now() - started },
        '/lume handled',
      );
    } catch (err) {
      if (!isInvalidGrant(err)) throw err; // app.error logs it and answers with a short apology
      const msg = await connectPrompt(deps.ctx, teamId, command.user_id, { reason: MESSAGES.revoked });
      await respond({ response_type: 'ephemeral', ...msg });
    }
  };
}
