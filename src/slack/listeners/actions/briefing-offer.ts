import { OFFERED_BRIEFING } from '../../../settings/rules';
import { connectedMessage } from '../../blocks/connect';
import type { SlackDeps } from '../../deps';
import { settingsScene } from '../../settings-scene';
import type { ButtonArgs } from '../args';

/**
 * "Yes, every weekday at 8:30 AM" on the "Connected" DM: the briefing of the DM's owner is set to
 * the offered time, in their Slack zone, and the DM then says so. Only the owner's click counts (the
 * button carries whose DM it is; the clicker is who Slack says clicked); a second click sets the same
 * briefing and shows the same message.
 */
export function briefingOfferClicked(deps: SlackDeps) {
  return async ({ ack, body, action, respond, context }: ButtonArgs): Promise<void> => {
    await ack();
    const teamId = context.teamId ?? body.team?.id ?? body.user.team_id ?? '';
    const clicker = body.user.id;
    const owner = 'value' in action ? action.value : undefined;
    if (owner !== clicker) {
      deps.ctx.log.warn({ teamId, clicker }, 'briefing offer clicked by someone other than its owner');
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'This offer is for the person Lume sent it to; nothing changed. For your own briefing: `/lume briefing 8:30`.',
      });
      return;
    }
    const account = await deps.ctx.accounts.accountOf(teamId, clicker);
    if (account.kind !== 'connected') {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'Your Google account is no longer connected, so there is no briefing to send; nothing changed. `/lume connect` links it again.',
      });
      return;
    }
    const person = { teamId, slackUserId: clicker };
    const { briefing } = await deps.ctx.settings.update(person, { briefing: { ...OFFERED_BRIEFING } });
    const scene = await settingsScene(deps, person);
    await respond({
      replace_original: true,
      ...connectedMessage(account.user.email, { owner: clicker, briefing, scene }),
    });
  };
}
