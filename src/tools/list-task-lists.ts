import { z } from 'zod';
import { callOptions } from './lib/call-options';
import { TASKS_READ_SCOPES } from './lib/tasks';
import { defineTool } from './types';

export const listTaskLists = defineTool({
  name: 'list_task_lists',
  description:
    "List the user's Google Tasks lists (name and id). Use it when the user names a list; list ids come from here, never guess them.",
  input: z.object({}),
  scopes: TASKS_READ_SCOPES,
  sideEffect: false,
  async handler(_input, ctx) {
    const res = await ctx.google.tasks().tasklists.list({ maxResults: 100 }, callOptions(ctx));
    return { lists: (res.data.items ?? []).map((l) => ({ id: l.id, name: l.title })) };
  },
});
