import { disconnectedMessage } from '../../blocks/connect';
import { esc } from '../../blocks/text';
import { publishHome } from '../../publish-home';
import { noArgs, type Subcommand } from './subcommand';

/** `/lume disconnect`: revoke the grant at Google, delete the stored tokens, confirm, refresh App Home. */
export const disconnect: Subcommand<undefined> = {
  name: 'disconnect',
  usage: '/lume disconnect',
  description: 'unlink Google: Lume revokes its access and deletes your tokens',
  args: noArgs,
  async handler({ deps, teamId, userId, respond, client }) {
    const account = await deps.ctx.accounts.accountOf(teamId, userId);
    if (account.kind !== 'connected') {
      const text =
        account.kind === 'revoked'
          ? `Nothing to disconnect: Lume already has no access to ${esc(account.user.email)}.`
          : "Nothing to disconnect: you haven't connected a Google account.";
      await respond({ response_type: 'ephemeral', text });
      return;
    }
    const { revokedAtGoogle } = await deps.ctx.accounts.disconnect(account.user);
    deps.agenda.cache.forget(account.user.id);
    await respond({
      response_type: 'ephemeral',
      ...disconnectedMessage(account.user.email, revokedAtGoogle),
    });
    await publishHome(deps, client, teamId, userId).catch((err: unknown) =>
      deps.ctx.log.warn({ err, userId }, 'App Home refresh after disconnect failed'),
    );
  },
};
