import express, { type Response, type Router } from 'express';
import { googleError, grantOf, requireScopes } from './api-auth';
import type { FakeUserData } from './data';
import type { FakeGoogleState } from './state';
import { RFC3339_WITH_OFFSET } from './zone';

const G = 'https://www.googleapis.com/auth/';
export const TASKS_READ = [`${G}tasks`, `${G}tasks.readonly`];
export const TASKS_WRITE = [`${G}tasks`];

/** A task list by id; '@default' names the first list, as Google's alias for the user's default list. */
export function findList(
  state: FakeGoogleState,
  res: Response,
  id: string,
): FakeUserData['taskLists'][number] | undefined {
  const lists = state.dataFor(grantOf(res).sub).taskLists;
  const entry = id === '@default' ? lists[0] : lists.find((l) => l.list.id === id);
  if (!entry) googleError(res, 404, 'Task list not found.', 'notFound');
  return entry;
}

function paged<T>(items: T[], query: Record<string, unknown>, byDefault: number, max: number) {
  const size = Math.min(Number(query.maxResults ?? byDefault) || byDefault, max);
  const start = query.pageToken ? Number.parseInt(String(query.pageToken), 36) : 0;
  return {
    items: items.slice(start, start + size),
    ...(start + size < items.length ? { nextPageToken: (start + size).toString(36) } : {}),
  };
}

/** Tasks read routes: tasklists.list/get and tasks.list (due window, completed, hidden, deleted)/get. */
export function tasksRoutes(state: FakeGoogleState): Router {
  const router = express.Router();
  const read = requireScopes(state, TASKS_READ);

  router.get('/tasks/v1/users/@me/lists', read, (req, res) => {
    const lists = state.dataFor(grantOf(res).sub).taskLists.map((l) => l.list);
    res.json({ kind: 'tasks#taskLists', etag: '"fake"', ...paged(lists, req.query, 20, 1000) });
  });

  router.get('/tasks/v1/users/@me/lists/:tasklist', read, (req, res) => {
    const entry = findList(state, res, String(req.params.tasklist));
    if (entry) res.json(entry.list);
  });

  router.get('/tasks/v1/lists/:tasklist/tasks', read, (req, res) => {
    const entry = findList(state, res, String(req.params.tasklist));
    if (!entry) return;
    const q = req.query as Record<string, string | undefined>;
    for (const bound of [q.dueMin, q.dueMax, q.completedMin, q.completedMax]) {
      if (bound !== undefined && !RFC3339_WITH_OFFSET.test(bound))
        return googleError(res, 400, 'Invalid value', 'invalid');
    }
    const at = (v: string | null | undefined) => (v ? Date.parse(v) : Number.NaN);
    const tasks = entry.tasks
      .filter((t) => q.showDeleted === 'true' || !t.deleted)
      .filter((t) => q.showHidden === 'true' || !t.hidden)
      .filter((t) => q.showCompleted !== 'false' || t.status !== 'completed')
      // A due bound leaves out tasks without a due date, as Google does.
      .filter((t) => !q.dueMin || at(t.due) >= at(q.dueMin))
      .filter((t) => !q.dueMax || at(t.due) < at(q.dueMax))
      .filter((t) => !q.completedMin || at(t.completed) >= at(q.completedMin))
      .filter((t) => !q.completedMax || at(t.completed) < at(q.completedMax))
      .sort((a, b) => (a.position ?? '').localeCompare(b.position ?? ''));
    res.json({ kind: 'tasks#tasks', etag: '"fake"', ...paged(tasks, q, 20, 100) });
  });

  router.get('/tasks/v1/lists/:tasklist/tasks/:task', read, (req, res) => {
    const entry = findList(state, res, String(req.params.tasklist));
    if (!entry) return;
    const task = entry.tasks.find((t) => t.id === req.params.task);
    if (!task) return googleError(res, 404, 'Task not found.', 'notFound');
    res.json(task);
  });

  return router;
}
