import { hasAnyScope, SCOPE_AREAS } from '../../../google/scopes';
import { revokedMessageText, statusMessage } from '../../blocks/status';
import { connectedAccount } from './connected-account';
import { noArgs, type Subcommand } from './subcommand';

/** `/lume status`: which Google account, what Lume may use (in words), what is missing and how to add it. */
export const status: Subcommand<undefined> = {
  name: 'status',
  usage: '/lume status',
  description: 'which Google account is linked and what Lume may access',
  args: noArgs,
  async handler(input) {
    const { ctx } = input.deps;
    const user = await connectedAccount(input, (account) =>
      account.kind === 'revoked'
        ? revokedMessageText(account.user.email)
        : 'No Google account is connected. Connect one to let Lume see your day.',
    );
    if (!user) return;
    const scopes = user.scopes;
    const granted = SCOPE_AREAS.filter((a) => hasAnyScope(scopes, a.anyOf)).map((a) => a.area);
    const missing = SCOPE_AREAS.filter((a) => !hasAnyScope(scopes, a.anyOf)).map((a) => a.area);
    const msg = statusMessage({
      email: user.email,
      granted,
      missing,
      assistantReady: !!ctx.config.gemini.apiKey,
      mapsReady: !!ctx.config.google.mapsApiKey,
    });
    await input.respond({ response_type: 'ephemeral', ...msg });
  },
};
