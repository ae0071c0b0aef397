import type { SlackPerson } from '../settings/types';
import type { SettingsScene } from './blocks/settings';
import type { SlackDeps } from './deps';

/**
 * What a person's settings are shown against: their Slack zone (users.info, cached — and recorded
 * by the settings service as it is read), the app's clock, and whether Maps is configured.
 */
export async function settingsScene(deps: SlackDeps, person: SlackPerson): Promise<SettingsScene> {
  return {
    zone: await deps.users.zone(person.teamId, person.slackUserId),
    now: deps.ctx.now(),
    mapsConfigured: deps.ctx.settings.mapsConfigured,
  };
}
