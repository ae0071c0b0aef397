import { askAboutMessage, type MessageWork } from '../../agent/ask-about-message';
import type { SlackDeps } from '../../deps';
import type { MessageShortcutArgs } from '../args';

/** A message shortcut as manifest.yml declares it (test/slack/manifest.spec.ts compares the two). */
export interface MessageShortcutDef extends MessageWork {
  callbackId: string;
  /** The manifest's description (Slack shows it under the name). */
  description: string;
}

/**
 * The listener every message shortcut shares: ack at once, then the work in the person's DM. A
 * reply "only you can see" goes through the payload's response_url.
 */
export function messageShortcutListener(deps: SlackDeps, def: MessageShortcutDef) {
  return async ({ ack, shortcut, client, respond, context }: MessageShortcutArgs): Promise<void> => {
    await ack();
    await askAboutMessage(deps, client, def, {
      teamId: context.teamId ?? shortcut.team?.id ?? shortcut.user.team_id ?? '',
      userId: shortcut.user.id,
      message: shortcut.message,
      channelId: shortcut.channel.id,
      ...(shortcut.response_url
        ? { respondPrivately: (m) => respond({ response_type: 'ephemeral', replace_original: false, ...m }) }
        : {}),
    });
  };
}
