import type { MessageShortcutDef } from './message-shortcut';

/** "Create a task" on a message: a Google Task from it, proposed on a Confirm card. */
export const createTaskShortcut: MessageShortcutDef = {
  callbackId: 'lume_shortcut_task',
  name: 'Create a task',
  description: 'Turn this message into a Google Task (you confirm it first)',
  instruction:
    'Create a Google Task from the Slack message below with create_task: a short title saying what needs doing, the key details and the message link in the notes, and a due date only if the message gives one.',
};
