import { connectPrompt } from '../../connect-prompt';
import { noArgs, type Subcommand } from './subcommand';

/** `/lume connect`: a one-time link bound to this Slack user, and what Lume will have access to. */
export const connect: Subcommand<undefined> = {
  name: 'connect',
  usage: '/lume connect',
  description: 'link your Google account, or grant access Lume is missing',
  args: noArgs,
  async handler({ deps, teamId, userId, respond }) {
    const account = await deps.ctx.accounts.accountOf(teamId, userId);
    const msg = await connectPrompt(deps.ctx, teamId, userId, {
      connectedAs: account.kind === 'connected' ? account.user.email : undefined,
    });
    await respond({ response_type: 'ephemeral', ...msg });
  },
};
