import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps';
import { createTaskShortcut } from './create-task';
import { draftEmailShortcut } from './draft-email';
import { type MessageShortcutDef, messageShortcutListener } from './message-shortcut';
import { scheduleMeetingShortcut } from './schedule-meeting';

/** Every message shortcut, in the order manifest.yml lists them. */
export const MESSAGE_SHORTCUTS: MessageShortcutDef[] = [
  createTaskShortcut,
  scheduleMeetingShortcut,
  draftEmailShortcut,
];

/** Message shortcut listeners; each is declared under features.shortcuts in manifest.yml. */
export function registerShortcuts(app: App, deps: SlackDeps): void {
  for (const def of MESSAGE_SHORTCUTS)
    app.shortcut({ callback_id: def.callbackId, type: 'message_action' }, messageShortcutListener(deps, def));
}
