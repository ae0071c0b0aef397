import { isInvalidGrant } from '../../../google/errors';
import { MESSAGES } from '../../../messages';
import { connectPrompt } from '../../connect-prompt';
import type { SlackDeps } from '../../deps';
import type { CommandArgs } from '../args';
import { route } from './route';
import type { Subcommand, SubcommandInput } from './subcommand';

/**
 * `/lume …`: acknowledge first, always within Slack's 3 s, then run the subcommand and answer through
 * response_url (ephemeral unless the person asked to share). A reply that needs no I/O (help, a hint)
 * rides on the ack. Anything that is not a subcommand is a question for the agent.
 */
export function lumeCommand(
  deps: SlackDeps,
  commands: readonly Subcommand[],
  ask: (input: SubcommandInput<undefined>) => Promise<void>,
) {
  return async ({ command, ack, respond, client, context }: CommandArgs): Promise<void> => {
    const text = command.text.trim();
    const to = route(text, commands);
    if (to.kind === 'reply') return ack({ response_type: 'ephemeral', ...to.message });
    if (to.kind === 'hint') return ack({ response_type: 'ephemeral', text: to.text });
    await ack();

    const teamId = context.teamId ?? command.team_id;
    const input = { deps, teamId, userId: command.user_id, text, command, respond, client };
    const started = Date.now();
    try {
      if (to.kind === 'run') await to.command.handler?.({ ...input, args: to.args });
      else await ask({ ...input, args: undefined });
      // The subcommand name only: a question's text is the person's business, not the log's.
      deps.ctx.log.info(
        {
          subcommand: to.kind === 'run' ? to.command.name : 'ask',
          teamId,
          userId: command.user_id,
          ms: Date.now() - started,
        },
        '/lume handled',
      );
    } catch (err) {
      if (!isInvalidGrant(err)) throw err; // app.error logs it and answers with a short apology
      const msg = await connectPrompt(deps.ctx, teamId, command.user_id, { reason: MESSAGES.revoked });
      await respond({ response_type: 'ephemeral', ...msg });
    }
  };
}
