import type { WebClient } from '@slack/web-api';
import type { SlackPerson } from '../settings/types';
import { type SettingsMetadata, settingsModal } from './blocks/settings-modal';
import type { SlackDeps } from './deps';
import { settingsScene } from './settings-scene';

/**
 * Open the settings modal for this person with the trigger_id of their command or click (Slack
 * honours it for 3 seconds, once). Returns false when Slack refused (an expired trigger, say): the
 * caller then says the settings in words instead.
 */
export async function openSettings(
  deps: SlackDeps,
  client: WebClient,
  o: { person: SlackPerson; triggerId: string; from: SettingsMetadata['from'] },
): Promise<boolean> {
  const [settings, scene] = await Promise.all([
    deps.ctx.settings.get(o.person),
    settingsScene(deps, o.person),
  ]);
  try {
    await client.views.open({
      trigger_id: o.triggerId,
      view: settingsModal(settings, scene, { from: o.from }),
    });
    return true;
  } catch (err) {
    deps.ctx.log.warn({ err, teamId: o.person.teamId, from: o.from }, 'settings modal did not open');
    return false;
  }
}
