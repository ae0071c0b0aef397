import type { GoogleApis } from '../google/apis';
import { readPages } from '../google/paginate';
import { addDays } from '../time/zone';
import type { AgendaCache } from './cache';
import { AGENDA_CALL, type AgendaRead } from './request-options';
import type { AgendaTask } from './types';

/**
 * Open tasks due today or earlier, across every task list. Google Tasks stores a due *date* as
 * midnight UTC, so the comparison is on the date part against the person's local date.
 */
export async function fetchTasks(
  apis: GoogleApis,
  userId: string,
  today: string,
  cache: AgendaCache,
  read: AgendaRead,
): Promise<{ overdue: AgendaTask[]; today: AgendaTask[] }> {
  const tasks = apis.tasks();
  let lists = cache.taskLists(userId);
  if (!lists) {
    const res = await read(() => tasks.tasklists.list({ maxResults: 100 }, AGENDA_CALL));
    lists = (res.data.items ?? []).flatMap((l) => (l.id ? [{ id: l.id, title: l.title ?? 'Tasks' }] : []));
    cache.setTaskLists(userId, lists);
  }
  const perList = await Promise.all(
    lists.map(async (list) => {
      // Up to 1,000 open tasks due by today per list: the counts shown must be right for busy lists.
      const { items } = await readPages(async (pageToken) => {
        const res = await read(() =>
          tasks.tasks.list(
            {
              tasklist: list.id,
              showCompleted: false,
              showHidden: false,
              dueMax: `${addDays(today, 1)}T00:00:00.000Z`,
              maxResults: 100,
              pageToken,
            },
            AGENDA_CALL,
          ),
        );
        return res.data;
      }, 10);
      return items.flatMap((t): AgendaTask[] =>
        t.due && t.status !== 'completed' && t.title?.trim()
          ? [
              {
                title: t.title.trim(),
                due: t.due.slice(0, 10),
                list: list.title,
                link: t.webViewLink ?? undefined,
              },
            ]
          : [],
      );
    }),
  );
  const all = perList.flat().sort((a, b) => a.due.localeCompare(b.due));
  return { overdue: all.filter((t) => t.due < today), today: all.filter((t) => t.due === today) };
}
