import type { NoticeRun } from '../notify/deps';
import type { Messenger } from '../notify/messenger';
import type { RunningJob } from './engine';
import { JobDiscard } from './engine/errors';
import { asJobFailure } from './notice-failure';
import type { JobPorts } from './ports';

/**
 * Runs one src/notify sender as a job attempt: with the process's messenger, the job's due time and
 * signal, and its failures as the engine understands them (asJobFailure: Slack's 429 → snooze,
 * unpunished; a refusal or lost Google access → discard).
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
    throw asJobFailure(err);
  }
}
