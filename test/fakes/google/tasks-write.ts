import express, { type Request, type Response, type Router } from 'express';
import type { tasks_v1 } from 'googleapis/build/src/apis/tasks';
import { googleError, requireScopes } from './api-auth';
import { newGmailId } from './gmail-store';
import type { FakeGoogleState } from './state';
import { findList, TASKS_WRITE } from './tasks';
import { RFC3339_WITH_OFFSET } from './zone';

type Task = tasks_v1.Schema$Task;

/**
 * Google keeps only the date of `due` ("the time portion of the timestamp is discarded") and sets
 * or clears `completed` as the status changes.
 */
function normalise(task: Task, previous?: Task): Task | string {
  const next = { ...task };
  if (next.due) {
    if (!RFC3339_WITH_OFFSET.test(next.due)) return 'Invalid value for: due';
    next.due = `${next.due.slice(0, 10)}T00:00:00.000Z`;
  }
  if (next.status === 'completed' && !next.completed) next.completed = new Date().toISOString();
  if (next.status === 'needsAction' && previous?.status === 'completed') next.completed = null;
  if (next.status && !['completed', 'needsAction'].includes(next.status)) return `Invalid value for: status`;
  return next;
}

/** Tasks write routes: insert, patch, update, delete. */
export function tasksWriteRoutes(state: FakeGoogleState): Router {
  const router = express.Router();
  const write = requireScopes(state, TASKS_WRITE);
  const taskOf = (req: Request, res: Response) => {
    const entry = findList(state, res, String(req.params.tasklist));
    const task = entry?.tasks.find((t) => t.id === req.params.task && !t.deleted);
    if (entry && !task) googleError(res, 404, 'Task not found.', 'notFound');
    return task;
  };

  router.post('/tasks/v1/lists/:tasklist/tasks', write, (req, res) => {
    const entry = findList(state, res, String(req.params.tasklist));
    if (!entry) return;
    const body = req.body as Task;
    if (!body.title?.trim() && !body.notes) return googleError(res, 400, 'Missing task title.', 'required');
    const task = normalise({ status: 'needsAction', ...body });
    if (typeof task === 'string') return googleError(res, 400, task, 'invalid');
    const id = `task${newGmailId()}`;
    const full: Task = {
      kind: 'tasks#task',
      id,
      etag: `"${Date.now()}"`,
      updated: new Date().toISOString(),
      // New tasks go to the top of the list unless `previous` places them.
      position: String(-entry.tasks.length).padStart(20, '0'),
      selfLink: `https://www.googleapis.com/tasks/v1/lists/${entry.list.id}/tasks/${id}`,
      webViewLink: `https://tasks.google.com/task/${id}`,
      ...task,
    };
    entry.tasks.push(full);
    res.json(full);
  });

  const change = (replace: boolean) => (req: Request, res: Response) => {
    const task = taskOf(req, res);
    if (!task) return;
    const body = req.body as Task;
    const merged = replace
      ? { ...body, id: task.id, kind: task.kind, selfLink: task.selfLink, position: task.position }
      : { ...task, ...body };
    const next = normalise(merged, task);
    if (typeof next === 'string') return googleError(res, 400, next, 'invalid');
    Object.assign(task, next, { updated: new Date().toISOString(), etag: `"${Date.now()}"` });
    res.json(task);
  };
  router.patch('/tasks/v1/lists/:tasklist/tasks/:task', write, change(false));
  router.put('/tasks/v1/lists/:tasklist/tasks/:task', write, change(true));

  router.delete('/tasks/v1/lists/:tasklist/tasks/:task', write, (req, res) => {
    const task = taskOf(req, res);
    if (!task) return;
    task.deleted = true;
    res.status(204).end();
  });

  return router;
}
