import { disconnectedMessage } from '../../blocks/connect';
import type { SlackDeps } from '../../deps';
import { publishHome } from '../../publish-home';
import type { ButtonArgs } from '../args';

/**
 * Disconnect (after Slack's confirm dialog), from the "Connected as …" DM or the App Home: revoke at
 * Google, delete tokens, then replace the message or republish the Home tab.
 */
export function disconnectClicked(deps: SlackDeps) {
  return async ({ ack, body, client, respond, context }: ButtonArgs): Promise<void> => {
    await ack();
    const teamId = context.teamId ?? body.team?.id ?? body.user.team_id ?? '';
    const userId = body.user.id;
    const account = await deps.ctx.accounts.accountOf(teamId, userId);
    let email = account.kind === 'none' ? undefined : account.user.email;
    let revokedAtGoogle = true;
    if (account.kind === 'connected') {
      ({ revokedAtGoogle } = await deps.ctx.accounts.disconnect(account.user));
      deps.agenda.cache.forget(account.user.id);
    }
    email ??= 'your Google account';
    if (body.container?.type === 'view') {
      await publishHome(deps, client, teamId, userId);
      return;
    }
    await respond({ replace_original: true, ...disconnectedMessage(email, revokedAtGoogle) });
  };
}
