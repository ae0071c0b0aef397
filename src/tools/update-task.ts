import type { tasks_v1 } from 'googleapis/build/src/apis/tasks';
import { z } from 'zod';
import { ToolInputError } from './errors';
import { callOptions } from './lib/call-options';
import {
  dueFromGoogle,
  dueToGoogle,
  listIdOf,
  loadTask,
  summarizeTask,
  TASKS_WRITE_SCOPES,
  taskIdField,
  taskListIdField,
} from './lib/tasks';
import { humanDate, localDateField } from './lib/time';
import { defineTool, type ToolContext } from './types';

const input = z.object({
  taskId: taskIdField,
  taskListId: taskListIdField,
  title: z.string().min(1).max(1024).optional().describe('New title.'),
  notes: z.string().max(8000).optional().describe('New notes (replace the old ones).'),
  due: localDateField('New due date').optional(),
  clearDue: z.boolean().optional().describe('True to remove the due date.'),
  reopen: z.boolean().optional().describe('True to mark a completed task as not done again.'),
});
type Input = z.infer<typeof input>;

const dueText = (due: string | undefined) => (due ? humanDate(due) : 'none');

async function planTaskUpdate(args: Input, ctx: ToolContext) {
  const listId = listIdOf(args);
  const current = await loadTask(ctx, listId, args.taskId);
  const patch: tasks_v1.Schema$Task = {};
  const changes: { label: string; value: string }[] = [];
  if (args.title) {
    patch.title = args.title;
    changes.push({ label: 'Title', value: `${current.title ?? ''} → ${args.title}` });
  }
  if (args.due || args.clearDue) {
    // A null due is how the Tasks API removes a due date.
    patch.due = args.clearDue ? null : dueToGoogle(args.due ?? '');
    changes.push({
      label: 'Due',
      value: `${dueText(dueFromGoogle(current.due))} → ${dueText(args.clearDue ? undefined : args.due)}`,
    });
  }
  if (args.notes !== undefined) {
    patch.notes = args.notes;
    changes.push({ label: 'Notes', value: 'replaced (below)' });
  }
  if (args.reopen) {
    patch.status = 'needsAction';
    changes.push({ label: 'Status', value: 'completed → open' });
  }
  if (!changes.length)
    throw new ToolInputError('Nothing to change: give a new title, notes, due date, clearDue or reopen.');
  return { listId, current, patch, changes };
}

export const updateTask = defineTool({
  name: 'update_task',
  description:
    'Change a Google Task: title, notes, due date (or remove it), or reopen a completed one. To mark it done use complete_task. Use the task id and listId from list_tasks; never guess them. The user confirms a card with each change, old → new.',
  input,
  scopes: TASKS_WRITE_SCOPES,
  sideEffect: true,
  async preview(args, ctx) {
    const { current, changes } = await planTaskUpdate(args, ctx);
    return {
      title: `Update task "${current.title ?? ''}"`,
      fields: changes,
      ...(args.notes !== undefined ? { body: args.notes } : {}),
    };
  },
  async handler(args, ctx) {
    const { listId, patch } = await planTaskUpdate(args, ctx);
    const res = await ctx.google
      .tasks()
      .tasks.patch({ tasklist: listId, task: args.taskId, requestBody: patch }, callOptions(ctx));
    return { updated: true, task: summarizeTask(res.data, listId, ctx) };
  },
});
