import type { Logger } from './log';

export interface PurgeTask {
  name: string;
  /** Deletes what can no longer be used; returns how many rows went. */
  run(): Promise<number>;
}

/**
 * Every interval, drop expired one-time secrets and stale rows so tables stay small.
 * A failing task is logged and retried next round; it never stops the others or the app.
 */
export function startHousekeeping(tasks: PurgeTask[], intervalMs: number, log: Logger): () => void {
  const round = async () => {
    for (const task of tasks) {
      try {
        const removed = await task.run();
        if (removed > 0) log.debug({ task: task.name, removed }, 'housekeeping');
      } catch (err) {
        log.warn({ err, task: task.name }, 'housekeeping task failed');
      }
    }
  };
  const timer = setInterval(() => void round(), intervalMs);
  timer.unref();
  void round();
  return () => clearInterval(timer);
}
