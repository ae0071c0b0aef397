import { hasAnyScope, SCOPE_AREAS } from '../../../google/scopes';
import { revokedMessageText, statusMessage } from '../../blocks/status';
import { connectPrompt } from '../../connect-prompt';
import { noArgs, type Subcommand } from './subcommand';

/** `/lume status`: which Google account, what Lume may use (in words), what is missing and how to add it. */
export const status: Subcommand<undefined> = {
  name: 'status',
  usage: '/lume status',
  description: 'which Google account is linked and what Lume may access',
  args: noArgs,
  async handler({ deps, teamId, userId, respond }) {
    const { ctx } = deps;
    const account = await ctx.accounts.accountOf(teamId, userId);
    if (account.kind !== 'connected') {
      const reason =
        account.kind === 'revoked'
          ? revokedMessageText(account.user.email)
          : 'No Google account is connected. Connect one to let Lume see your day.';
      await respond({
        response_type: 'ephemeral',
        ...(await connectPrompt(ctx, teamId, userId, { reason })),
      });
      return;
    }
    const scopes = account.user.scopes;
    const granted = SCOPE_AREAS.filter((a) => hasAnyScope(scopes, a.anyOf)).map((a) => a.area);
    const missing = SCOPE_AREAS.filter((a) => !hasAnyScope(scopes, a.anyOf)).map((a) => a.area);
    const msg = statusMessage({
      email: account.user.email,
      granted,
      missing,
      assistantReady: !!ctx.config.gemini.apiKey,
      mapsReady: !!ctx.config.google.mapsApiKey,
    });
    await respond({ response_type: 'ephemeral', ...msg });
  },
};
