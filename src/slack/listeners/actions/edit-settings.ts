import type { SlackDeps } from '../../deps';
import { openSettings } from '../../open-settings';
import { publishHome } from '../../publish-home';
import type { ButtonArgs } from '../args';

/** Edit on App Home: the same settings modal as `/lume settings`, opened with this click's trigger. */
export function editSettingsClicked(deps: SlackDeps) {
  return async ({ ack, body, client, context }: ButtonArgs): Promise<void> => {
    await ack();
    const teamId = context.teamId ?? body.team?.id ?? body.user.team_id ?? '';
    const userId = body.user.id;
    const account = await deps.ctx.accounts.accountOf(teamId, userId);
    // A Home tab published before a disconnect: show the current one (with Connect) instead.
    if (account.kind !== 'connected') return publishHome(deps, client, teamId, userId);
    const person = { teamId, slackUserId: userId };
    await openSettings(deps, client, { person, triggerId: body.trigger_id, from: 'home' });
  };
}
