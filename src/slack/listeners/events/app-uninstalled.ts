import type { SlackDeps } from '../../deps';
import { forgetWorkspace } from '../../forget-workspace';
import type { EventArgs } from '../args';

/** app_uninstalled: the workspace removed Lume, so Lume lets go of that workspace's people and their Google grants. */
export function appUninstalled(deps: SlackDeps) {
  return async ({ context, body }: EventArgs<'app_uninstalled'>): Promise<void> => {
    await forgetWorkspace(deps, context.teamId ?? body.team_id, 'app_uninstalled');
  };
}
