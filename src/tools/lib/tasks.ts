import type { tasks_v1 } from 'googleapis/build/src/apis/tasks';
import { z } from 'zod';
import { SCOPES } from '../../google/scopes';
import { localDate } from '../../time/zone';
import type { ActionPreview, ToolContext } from '../types';
import { callOptions } from './call-options';
import { humanDate } from './time';

export const TASKS_READ_SCOPES = [SCOPES.tasks, SCOPES.tasksReadonly];
export const TASKS_WRITE_SCOPES = [SCOPES.tasks];

export const taskListIdField = z
  .string()
  .optional()
  .describe(
    "Task list id (listId from list_tasks or id from list_task_lists); omit for the user's default list.",
  );

/** The list a task goes to, or is looked up in, when no list id is given: Google's default list. */
export const listIdOf = (args: { taskListId?: string }): string => args.taskListId ?? '@default';

export const taskIdField = z.string().min(1).describe('Task id from list_tasks; never guess it.');

/**
 * Google Tasks keeps only a due *date*, sent and returned as midnight UTC of that date, whatever
 * the user's zone: "2024-05-02" ↔ "2024-05-02T00:00:00.000Z".
 */
export const dueToGoogle = (date: string) => `${date}T00:00:00.000Z`;
export const dueFromGoogle = (due: string | null | undefined) => (due ? due.slice(0, 10) : undefined);

export function summarizeTask(t: tasks_v1.Schema$Task, listId: string, ctx: ToolContext) {
  const due = dueFromGoogle(t.due);
  const done = t.status === 'completed';
  const notes = t.notes ?? '';
  return {
    id: t.id,
    listId,
    title: t.title ?? '(untitled)',
    ...(notes ? { notes: notes.length > 500 ? `${notes.slice(0, 500)}…` : notes } : {}),
    ...(due ? { due } : {}),
    status: done ? 'completed' : 'open',
    ...(done && t.completed ? { completedAt: t.completed } : {}),
    ...(!done && due && due < localDate(ctx.now(), ctx.timeZone) ? { overdue: true } : {}),
    ...(t.parent ? { parentId: t.parent } : {}),
  };
}

export async function loadTask(ctx: ToolContext, listId: string, taskId: string) {
  return (await ctx.google.tasks().tasks.get({ tasklist: listId, task: taskId }, callOptions(ctx))).data;
}

export async function listName(ctx: ToolContext, listId: string): Promise<string> {
  const res = await ctx.google.tasks().tasklists.get({ tasklist: listId }, callOptions(ctx));
  return res.data.title ?? listId;
}

/** The card for an action on one existing task: its title and due date, read from Google. */
export async function existingTaskPreview(
  title: string,
  args: { taskId: string; taskListId?: string },
  ctx: ToolContext,
): Promise<ActionPreview> {
  const task = await loadTask(ctx, listIdOf(args), args.taskId);
  const due = dueFromGoogle(task.due);
  return {
    title,
    fields: [
      { label: 'Task', value: task.title ?? '(untitled)' },
      ...(due ? [{ label: 'Due', value: humanDate(due) }] : []),
    ],
  };
}
