import type { NoticeRun } from '../notify/deps';
import { DeliveryDeferred, DeliveryRefused, type Messenger } from '../notify/messenger';
import type { RunningJob } from './engine';
import { JobDiscard, JobSnooze } from './engine/errors';
import type { JobPorts } from './ports';

/**
 * Runs one src/notify sender as a job attempt: with the process's messenger, the job's due time and
 * signal, and the Messenger's refusals as the engine understands them (Slack's 429 past what a post
 * may wait → snooze, unpunished; a refusal no retry cures → discard).
 */
export async function deliverNotice(
  ports: JobPorts,
  job: RunningJob,
  send: (messenger: Messenger, run: NoticeRun) => Promise<void>,
): Promise<void> {
  if (!ports.messenger) throw new JobDiscard('no messenger in this process');
  try {
    await send(ports.messenger, { dueAt: job.runAt, signal: job.signal });
  } catch (err) {
    if (err instanceof DeliveryDeferred) throw new JobSnooze(err.retryAfterMs);
    if (err instanceof DeliveryRefused) throw new JobDiscard(err.message);
    throw err;
  }
}
