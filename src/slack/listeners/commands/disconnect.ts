import { disconnectedMessage } from '../../blocks/connect';
import { publishHome } from '../../publish-home';
import { noArgs, type Subcommand } from './subcommand';

/**
 * `/lume disconnect`: revoke the grant at Google, delete the link and — when nobody else uses the
 * account — everything Lume kept about it; confirm, refresh App Home.
 */
export const disconnect: Subcommand<undefined> = {
  name: 'disconnect',
  usage: '/lume disconnect',
  description: 'unlink Google: Lume revokes its access and deletes what it kept about you',
  args: noArgs,
  async handler({ deps, teamId, userId, respond, client }) {
    const gone = await deps.ctx.accounts.unlink({ teamId, slackUserId: userId }, { revoke: 'always' });
    if (!gone) {
      await respond({
        response_type: 'ephemeral',
        text: "Nothing to disconnect: you haven't connected a Google account.",
      });
      return;
    }
    await respond({ response_type: 'ephemeral', ...disconnectedMessage(gone) });
    await publishHome(deps, client, teamId, userId).catch((err: unknown) =>
      deps.ctx.log.warn({ err, userId }, 'App Home refresh after disconnect failed'),
    );
  },
};
