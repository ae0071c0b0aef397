import assert from 'node:assert/strict';
import { completeTask } from '../../src/tools/complete-task';
import { createTask } from '../../src/tools/create-task';
import { deleteTask } from '../../src/tools/delete-task';
import { listTaskLists } from '../../src/tools/list-task-lists';
import { listTasks } from '../../src/tools/list-tasks';
import { updateTask } from '../../src/tools/update-task';
import { seedTask, seedTaskList } from '../fakes/google/seed';
import { startToolHarness, type ToolHarness } from './harness';

describe('Tasks tools', () => {
  let h: ToolHarness;
  beforeEach(async () => {
    h = await startToolHarness();
  });
  afterEach(() => h.close());
  // 2 May 2024, 20:00 in Los Angeles (already 3 May in UTC): "today" is the 2nd for this user.
  const ctx = () => h.ctx({ timeZone: 'America/Los_Angeles', now: new Date('2024-05-03T03:00:00Z') });
  const tasks = () => h.fake.state.dataFor(h.sub).taskLists[0].tasks;

  it('list_tasks reads past the first page of a busy list, and says when it stops', async () => {
    for (let i = 0; i < 150; i++)
      seedTask(h.fake.state, h.sub, { title: `Task ${i}`, due: '2024-05-01T00:00:00.000Z' });
    const some = (await listTasks.handler({}, ctx())) as { tasks: unknown[]; note?: string };
    assert.equal(some.tasks.length, 150);
    assert.equal(some.note, undefined);
    for (let i = 150; i < 350; i++)
      seedTask(h.fake.state, h.sub, { title: `Task ${i}`, due: '2024-05-01T00:00:00.000Z' });
    const many = (await listTasks.handler({}, ctx())) as { tasks: unknown[]; note?: string };
    assert.equal(many.tasks.length, 300);
    assert.match(many.note ?? '', /Only the first 300 tasks of My Tasks were read/);
  });

  it('list_tasks searches every list by due date, flags overdue ones and hides completed ones', async () => {
    const work = seedTaskList(h.fake.state, h.sub, 'Work');
    seedTask(h.fake.state, h.sub, { title: 'Pay rent', due: '2024-05-01T00:00:00.000Z' });
    seedTask(h.fake.state, h.sub, { title: 'Call mum', due: '2024-05-02T00:00:00.000Z' });
    seedTask(h.fake.state, h.sub, { title: 'Later', due: '2024-05-09T00:00:00.000Z' });
    seedTask(h.fake.state, h.sub, {
      title: 'Done',
      due: '2024-05-02T00:00:00.000Z',
      status: 'completed',
      completed: '2024-05-02T10:00:00.000Z',
      hidden: true,
    });
    seedTask(h.fake.state, h.sub, { title: 'Ship report', due: '2024-05-02T00:00:00.000Z' }, work.id ?? '');
    const out = (await listTasks.handler({ dueTo: '2024-05-02' }, ctx())) as {
      tasks: Record<string, unknown>[];
    };
    assert.deepEqual(
      out.tasks.map((t) => [t.title, t.due, t.overdue ?? false, t.list]),
      [
        ['Pay rent', '2024-05-01', true, 'My Tasks'],
        ['Call mum', '2024-05-02', false, 'My Tasks'],
        ['Ship report', '2024-05-02', false, 'Work'],
      ],
    );
    assert.equal(out.tasks[2].listId, work.id);
    const withDone = (await listTasks.handler(
      { taskListId: 'default-list', dueFrom: '2024-05-02', dueTo: '2024-05-02', includeCompleted: true },
      ctx(),
    )) as { tasks: { title: string; status: string }[] };
    assert.deepEqual(
      withDone.tasks.map((t) => [t.title, t.status]),
      [
        ['Call mum', 'open'],
        ['Done', 'completed'],
      ],
    );
    const lists = (await listTaskLists.handler({}, ctx())) as { lists: { name: string }[] };
    assert.deepEqual(
      lists.lists.map((l) => l.name),
      ['My Tasks', 'Work'],
    );
  });

  it('create_task sends the due date as Google wants it and previews the list name', async () => {
    const args = { title: 'Book flights', due: '2024-05-10', notes: 'Window seat' };
    const preview = await createTask.preview?.(args, ctx());
    assert.deepEqual(preview, {
      title: 'Create task',
      fields: [
        { label: 'Task', value: 'Book flights' },
        { label: 'Due', value: 'Fri, May 10, 2024' },
        { label: 'List', value: 'My Tasks' },
      ],
      body: 'Window seat',
    });
    const out = (await createTask.handler(args, ctx())) as { task: { due: string; status: string } };
    assert.equal(
      (h.fake.state.requestsTo('/tasks/v1/lists/', 'POST')[0].body as { due: string }).due,
      '2024-05-10T00:00:00.000Z',
    );
    assert.deepEqual([out.task.due, out.task.status], ['2024-05-10', 'open']);
    assert.equal(tasks().at(-1)?.title, 'Book flights');
  });

  it('update_task changes the title and removes the due date; complete_task and delete_task work by id', async () => {
    const t = seedTask(h.fake.state, h.sub, { title: 'Draft', due: '2024-05-02T00:00:00.000Z' });
    const args = { taskId: t.id ?? '', title: 'Draft v2', clearDue: true };
    const preview = await updateTask.preview?.(args, ctx());
    assert.deepEqual(preview?.fields, [
      { label: 'Title', value: 'Draft → Draft v2' },
      { label: 'Due', value: 'Thu, May 2, 2024 → none' },
    ]);
    await updateTask.handler(args, ctx());
    assert.deepEqual([t.title, t.due], ['Draft v2', null]);
    await assert.rejects(updateTask.handler({ taskId: t.id ?? '' }, ctx()), /Nothing to change/);

    const done = (await completeTask.handler({ taskId: t.id ?? '' }, ctx())) as { task: { status: string } };
    assert.equal(done.task.status, 'completed');
    assert.ok(t.completed);
    const deletePreview = await deleteTask.preview?.({ taskId: t.id ?? '' }, ctx());
    assert.deepEqual(deletePreview?.fields, [{ label: 'Task', value: 'Draft v2' }]);
    await deleteTask.handler({ taskId: t.id ?? '' }, ctx());
    assert.equal(t.deleted, true);
  });
});
