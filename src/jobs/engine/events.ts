import type { Logger } from '../../log';
import type { JobEvents } from './types';

type Payload<K extends keyof JobEvents> = Parameters<NonNullable<JobEvents[K]>>[0];

/** Calls a metrics hook; a hook that throws is logged and never disturbs the job it reports on. */
export function emit<K extends keyof JobEvents>(
  events: JobEvents,
  log: Logger,
  name: K,
  e: Payload<K>,
): void {
  const hook = events[name] as ((x: Payload<K>) => void) | undefined;
  try {
    hook?.call(events, e);
  } catch (err) {
    log.warn({ err, hook: name }, 'job event hook threw');
  }
}
