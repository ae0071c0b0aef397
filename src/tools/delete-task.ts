import { z } from 'zod';
import { callOptions } from './lib/call-options';
import { dueFromGoogle, loadTask, TASKS_WRITE_SCOPES, taskIdField, taskListIdField } from './lib/tasks';
import { humanDate } from './lib/time';
import { defineTool } from './types';

export const deleteTask = defineTool({
  name: 'delete_task',
  description:
    'Delete a Google Task for good (to mark it done, use complete_task instead). Only when the user asked to delete that task; use the id and listId from list_tasks, never guessed. The user confirms a card naming the task.',
  input: z.object({ taskId: taskIdField, taskListId: taskListIdField }),
  scopes: TASKS_WRITE_SCOPES,
  sideEffect: true,
  async preview(args, ctx) {
    const task = await loadTask(ctx, args.taskListId ?? '@default', args.taskId);
    const due = dueFromGoogle(task.due);
    return {
      title: 'Delete task',
      fields: [
        { label: 'Task', value: task.title ?? '(untitled)' },
        ...(due ? [{ label: 'Due', value: humanDate(due) }] : []),
      ],
    };
  },
  async handler(args, ctx) {
    await ctx.google
      .tasks()
      .tasks.delete({ tasklist: args.taskListId ?? '@default', task: args.taskId }, callOptions(ctx));
    return { deleted: true, taskId: args.taskId };
  },
});
