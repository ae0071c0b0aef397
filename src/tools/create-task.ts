import { z } from 'zod';
import { callOptions } from './lib/call-options';
import {
  dueToGoogle,
  listIdOf,
  listName,
  summarizeTask,
  TASKS_WRITE_SCOPES,
  taskListIdField,
} from './lib/tasks';
import { humanDate, localDateField } from './lib/time';
import { defineTool } from './types';

export const createTask = defineTool({
  name: 'create_task',
  description:
    'Add a task to Google Tasks, with optional notes and due date (a date only; Google Tasks has no due time). Resolve relative dates with get_current_time; do not invent a due date the user did not ask for. The user confirms a card with the title, due date and list.',
  input: z.object({
    title: z.string().min(1).max(1024).describe('What the task is.'),
    notes: z.string().max(8000).optional().describe('Details, if the user gave any.'),
    due: localDateField('Due date').optional(),
    taskListId: taskListIdField,
  }),
  scopes: TASKS_WRITE_SCOPES,
  sideEffect: true,
  async preview(args, ctx) {
    const fields = [{ label: 'Task', value: args.title }];
    if (args.due) fields.push({ label: 'Due', value: humanDate(args.due) });
    fields.push({ label: 'List', value: await listName(ctx, listIdOf(args)) });
    return { title: 'Create task', fields, ...(args.notes ? { body: args.notes } : {}) };
  },
  async handler(args, ctx) {
    const listId = listIdOf(args);
    const res = await ctx.google.tasks().tasks.insert(
      {
        tasklist: listId,
        requestBody: {
          title: args.title,
          ...(args.notes ? { notes: args.notes } : {}),
          ...(args.due ? { due: dueToGoogle(args.due) } : {}),
        },
      },
      callOptions(ctx),
    );
    return { created: true, task: summarizeTask(res.data, listId, ctx) };
  },
});
