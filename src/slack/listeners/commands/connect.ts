import { accountOf, connectPrompt } from '../../people';
import type { Subcommand } from './types';

/** `/lume connect`: a one-time link bound to this Slack user, and what Lume will have access to. */
export const connect: Subcommand = async ({ deps, teamId, userId, respond }) => {
  const account = await accountOf(deps.ctx, teamId, userId);
  const msg = await connectPrompt(deps.ctx, teamId, userId, {
    connectedAs: account.kind === 'connected' ? account.user.email : undefined,
  });
  await respond({ response_type: 'ephemeral', ...msg });
};
