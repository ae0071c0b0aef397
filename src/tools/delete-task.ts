import { z } from 'zod';
import { callOptions } from './lib/call-options';
import { existingTaskPreview, listIdOf, TASKS_WRITE_SCOPES, taskIdField, taskListIdField } from './lib/tasks';
import { defineTool } from './types';

export const deleteTask = defineTool({
  name: 'delete_task',
  description:
    'Delete a Google Task for good (to mark it done, use complete_task instead). Only when the user asked to delete that task; use the id and listId from list_tasks, never guessed. The user confirms a card naming the task.',
  input: z.object({ taskId: taskIdField, taskListId: taskListIdField }),
  scopes: TASKS_WRITE_SCOPES,
  sideEffect: true,
  preview: (args, ctx) => existingTaskPreview('Delete task', args, ctx),
  async handler(args, ctx) {
    await ctx.google.tasks().tasks.delete({ tasklist: listIdOf(args), task: args.taskId }, callOptions(ctx));
    return { deleted: true, taskId: args.taskId };
  },
});
