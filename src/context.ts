import type { Database } from '../models/db';
import type { Accounts } from './auth/accounts';
import type { ConnectLinks } from './auth/connect-links';
import type { LinkHooks } from './auth/link-hooks';
import type { GoogleOAuthFlow } from './auth/oauth-flow';
import type { OAuthStates } from './auth/oauth-states';
import type { Sessions } from './auth/sessions';
import type { CalendarChangeHub } from './calendar/change-hub';
import type { CalendarSyncService } from './calendar/sync-service';
import type { Config } from './config';
import type { TokenCipher } from './crypto/token-cipher';
import type { GoogleClientFactory } from './google/client-factory';
import type { RetryClock } from './google/retry';
import type { TokenStore } from './google/token-store';
import type { JobQueue } from './job-queue';
import type { Logger } from './log';
import type { Metrics } from './metrics';
import type { Briefings } from './notify/briefings';
import type { SentNotices } from './notify/sent-notices';
import type { Settings } from './settings/settings';
import type { Telemetry } from './telemetry';

/** Everything a listener, route or tool may need, built once in src/index.ts (or by a test). */
export interface AppContext {
  config: Config;
  log: Logger;
  db: Database;
  cipher: TokenCipher;
  tokens: TokenStore;
  google: GoogleClientFactory;
  links: ConnectLinks;
  accounts: Accounts;
  hooks: LinkHooks;
  states: OAuthStates;
  oauth: GoogleOAuthFlow;
  sessions: Sessions;
  /** Each linked Slack person's settings for what Lume says first (reminders, briefing, location…). */
  settings: Settings;
  /** Calendar sync's stored events and the changes each sync finds (src/calendar). */
  calendar: CalendarChangeHub;
  /** Calendar sync itself: link-time start, the sync and channel jobs, the poller, push notifications (src/calendar). */
  calendarSync: CalendarSyncService;
  /** The messages Lume sent on its own, one per key (src/notify). */
  notices: SentNotices;
  /** The daily briefing: each person's next one planned as a job, and what it says (src/notify). */
  briefings: Briefings;
  now: () => Date;
  /** How retries of transient Google failures wait (tests record the waits instead of sleeping). */
  retryClock: RetryClock;
  /** The durable job queue: enqueue work (of a kind src/jobs defines) or cancel it; the engine runs it once across instances. */
  jobs: JobQueue;
  /** What every part records about itself (metrics, and the last Slack and Google calls /ready reports). */
  telemetry: Telemetry;
  /** The same, as the prom-client registry /metrics renders. */
  metrics: Metrics;
}
