import type { Models } from '../../models';
import type { JobQueue, OnConflict } from '../job-queue';

export const SYNC_KIND = 'calendar-sync';
export const WATCH_KIND = 'calendar-watch';
export const syncKey = (userId: string) => `${SYNC_KIND}:${userId}`;
export const watchKey = (userId: string) => `${WATCH_KIND}:${userId}`;

/** Every job payload of calendar sync: a Google account's users.id, nothing more. */
export interface CalendarJobPayload {
  userId: string;
}

/**
 * Ask for a sync of one account, debounced through its one job key. A sync already queued stands
 * (a burst of notifications, the poller and a link all become that one run, and a rate-limit wait
 * is not cut short); otherwise — nothing queued, the last run done, or one running right now — the
 * key is re-armed, so a change that lands during a sync gets a sync after it.
 */
export async function requestSync(
  deps: { jobs: JobQueue; models: Models },
  userId: string,
  runAt: Date,
): Promise<void> {
  const job = {
    kind: SYNC_KIND,
    key: syncKey(userId),
    payload: { userId } satisfies CalendarJobPayload,
    runAt,
  };
  const first = await deps.jobs.enqueue({ ...job, onConflict: 'keep' });
  if (first.outcome !== 'kept') return;
  const existing = await deps.models.Job.findOne({ where: { uniqueKey: job.key }, attributes: ['state'] });
  if (existing?.state !== 'queued') await deps.jobs.enqueue({ ...job, onConflict: 'replace' });
}

/**
 * (Re)schedule the account's push channel upkeep (registration now, renewal before it expires);
 * `keep`: only when the account has no such job yet.
 */
export function scheduleWatch(
  jobs: JobQueue,
  userId: string,
  runAt: Date,
  onConflict: OnConflict = 'replace',
) {
  return jobs.enqueue({
    kind: WATCH_KIND,
    key: watchKey(userId),
    payload: { userId } satisfies CalendarJobPayload,
    runAt,
    onConflict,
  });
}

/** Take back every calendar job of an account. */
export async function cancelCalendarJobs(
  jobs: JobQueue,
  userId: string,
  o: { keepSyncJob?: boolean } = {},
): Promise<void> {
  if (!o.keepSyncJob) await jobs.cancel({ key: syncKey(userId) });
  await jobs.cancel({ key: watchKey(userId) });
}
