import type { SlackDeps } from '../../deps';
import { forgetWorkspace } from '../../forget-workspace';
import type { EventArgs } from '../args';

/**
 * tokens_revoked: when the bot token is revoked Lume can no longer act in that workspace, so its data
 * goes as on uninstall. Lume holds no user tokens, so a revocation listing only user tokens changes nothing.
 */
export function tokensRevoked(deps: SlackDeps) {
  return async ({ event, context, body }: EventArgs<'tokens_revoked'>): Promise<void> => {
    const teamId = context.teamId ?? body.team_id;
    if (!event.tokens.bot?.length) {
      deps.ctx.log.info({ teamId }, 'tokens_revoked for user tokens only; Lume holds none');
      return;
    }
    await forgetWorkspace(deps, teamId, 'tokens_revoked');
  };
}
