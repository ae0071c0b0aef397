import type { MessageShortcutDef } from './message-shortcut';

/** "Schedule a meeting" on a message: times that suit its people, offered as buttons. */
export const scheduleMeetingShortcut: MessageShortcutDef = {
  callbackId: 'lume_shortcut_meeting',
  name: 'Schedule a meeting',
  description: 'Find a time with the people in this message (you confirm it first)',
  instruction:
    "Help me schedule a meeting about the Slack message below: use find_meeting_time with its author and the people it mentions (as <@U…> mentions), for the length and days it suggests — if it suggests none, 30 minutes within the next five working days — titled after the message's topic, and offer me the times.",
};
