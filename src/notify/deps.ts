import type { Models } from '../../models';
import type { Accounts } from '../auth/accounts';
import type { LinkHooks } from '../auth/link-hooks';
import type { CalendarChangeListener, CalendarFeed } from '../calendar/feed';
import type { GoogleClientFactory } from '../google/client-factory';
import type { JobQueue } from '../job-queue';
import type { Logger } from '../log';
import type { Settings } from '../settings/settings';
import type { Telemetry } from '../telemetry';
import type { SentNotices } from './sent-notices';

/**
 * What src/notify works with: the app context's services it needs, named here rather than through
 * src/context.ts (which names src/notify's own services), so the two never import each other. The
 * app context is one.
 */
export interface NotifyDeps {
  db: { models: Models };
  google: GoogleClientFactory;
  calendar: CalendarFeed & { onChanges(listener: CalendarChangeListener): void };
  settings: Settings;
  notices: SentNotices;
  jobs: JobQueue;
  hooks: LinkHooks;
  accounts: Accounts;
  telemetry: Pick<Telemetry, 'notificationSent'>;
  log: Logger;
  now: () => Date;
}

/** How a notice job's attempt runs: when it was due, and the signal that stops it. */
export interface NoticeRun {
  dueAt: Date;
  signal: AbortSignal;
}
