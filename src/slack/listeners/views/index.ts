import type { App } from '@slack/bolt';
import { SETTINGS_VIEW } from '../../blocks/settings-modal';
import type { SlackDeps } from '../../deps';
import { settingsSubmitted } from './settings-submitted';

/** Modal submissions (view_submission), one file each, registered on the modal's callback_id. */
export function registerViews(app: App, deps: SlackDeps): void {
  app.view(SETTINGS_VIEW, settingsSubmitted(deps));
}
