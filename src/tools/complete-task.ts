import { z } from 'zod';
import { callOptions } from './lib/call-options';
import {
  existingTaskPreview,
  listIdOf,
  summarizeTask,
  TASKS_WRITE_SCOPES,
  taskIdField,
  taskListIdField,
} from './lib/tasks';
import { defineTool } from './types';

export const completeTask = defineTool({
  name: 'complete_task',
  description:
    'Mark a Google Task as done. Use the task id and listId from list_tasks; never guess them. The user confirms a card naming the task.',
  input: z.object({ taskId: taskIdField, taskListId: taskListIdField }),
  scopes: TASKS_WRITE_SCOPES,
  sideEffect: true,
  preview: (args, ctx) => existingTaskPreview('Complete task', args, ctx),
  async handler(args, ctx) {
    const listId = listIdOf(args);
    const res = await ctx.google
      .tasks()
      .tasks.patch(
        { tasklist: listId, task: args.taskId, requestBody: { status: 'completed' } },
        callOptions(ctx),
      );
    return { completed: true, task: summarizeTask(res.data, listId, ctx) };
  },
});
