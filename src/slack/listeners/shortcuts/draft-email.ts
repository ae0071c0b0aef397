import type { MessageShortcutDef } from './message-shortcut';

/** "Draft an email" on a message: a Gmail draft from it, proposed on a Confirm card. */
export const draftEmailShortcut: MessageShortcutDef = {
  callbackId: 'lume_shortcut_email',
  name: 'Draft an email',
  description: 'Draft an email from this message in Gmail (you confirm it first)',
  instruction:
    "Draft an email based on the Slack message below with create_email_draft. Use look_up_teammates for people it mentions; if it doesn't say who the email is for, ask me before drafting.",
};
