import type { tasks_v1 } from 'googleapis/build/src/apis/tasks';
import { z } from 'zod';
import { readPages } from '../google/paginate';
import { callOptions } from './lib/call-options';
import { summarizeTask, TASKS_READ_SCOPES, taskListIdField } from './lib/tasks';
import { localDateField } from './lib/time';
import { defineTool, type ToolContext } from './types';

const input = z.object({
  taskListId: taskListIdField.describe(
    'Only this list (id from list_task_lists); omit to search every list.',
  ),
  dueFrom: localDateField('Only tasks due on or after this date').optional(),
  dueTo: localDateField('Only tasks due on or before this date (use yesterday for overdue)').optional(),
  includeCompleted: z
    .boolean()
    .optional()
    .describe('Also return completed tasks (default false: open tasks only).'),
});
type Input = z.infer<typeof input>;

/** Pages read per list: 300 tasks is more than an answer can use; beyond it the model is told. */
const MAX_PAGES = 3;

async function tasksOf(
  ctx: ToolContext,
  listId: string,
  args: Input,
): Promise<{ items: tasks_v1.Schema$Task[]; complete: boolean }> {
  return readPages(async (pageToken) => {
    const res = await ctx.google.tasks().tasks.list(
      {
        tasklist: listId,
        maxResults: 100,
        pageToken,
        showCompleted: args.includeCompleted ?? false,
        // Tasks completed in Google's own apps are "hidden"; without this they would never show.
        showHidden: args.includeCompleted ?? false,
        ...(args.dueFrom ? { dueMin: `${args.dueFrom}T00:00:00.000Z` } : {}),
        ...(args.dueTo ? { dueMax: `${args.dueTo}T23:59:59.000Z` } : {}),
      },
      callOptions(ctx),
    );
    return res.data;
  }, MAX_PAGES);
}

export const listTasks = defineTool({
  name: 'list_tasks',
  description:
    'List the user\'s Google Tasks, open ones by default, optionally only those due in a date range (dates in the user\'s zone; resolve "today" with get_current_time). Each task has its id and listId, needed to update, complete or delete it. Overdue open tasks are flagged.',
  input,
  scopes: TASKS_READ_SCOPES,
  sideEffect: false,
  async handler(args, ctx) {
    const lists = args.taskListId
      ? [{ id: args.taskListId, title: undefined as string | undefined }]
      : (
          (await ctx.google.tasks().tasklists.list({ maxResults: 100 }, callOptions(ctx))).data.items ?? []
        ).map((l) => ({
          id: l.id ?? '',
          title: l.title ?? undefined,
        }));
    const perList = await Promise.all(
      lists.map(async (l) => ({ list: l, ...(await tasksOf(ctx, l.id, args)) })),
    );
    const cut = perList.filter((l) => !l.complete).map((l) => l.list.title ?? l.list.id);
    return {
      tasks: perList.flatMap(({ list, items }) =>
        items.map((t) => ({
          ...summarizeTask(t, list.id, ctx),
          ...(list.title ? { list: list.title } : {}),
        })),
      ),
      ...(cut.length
        ? {
            note: `Only the first ${MAX_PAGES * 100} tasks of ${cut.join(', ')} were read; narrow with dueFrom/dueTo.`,
          }
        : {}),
    };
  },
});
