import type { SlackDeps } from '../../deps';
import { publishHome } from '../../publish-home';
import type { ButtonArgs } from '../args';

/** Refresh on the App Home: fetch the day again and republish. */
export function refreshHomeClicked(deps: SlackDeps) {
  return async ({ ack, body, client, context }: ButtonArgs): Promise<void> => {
    await ack();
    await publishHome(deps, client, context.teamId ?? body.team?.id ?? '', body.user.id);
  };
}
