import type { Database } from '../models/db';
import { AgendaService } from './agenda';
import { attentionWriter } from './agent/briefing-attention';
import { forgetAgentData } from './agent/forget-people';
import { createGeminiModel } from './agent/model/gemini';
import type { RetryPolicy } from './agent/model/retry';
import { Accounts } from './auth/accounts';
import { ConnectLinks } from './auth/connect-links';
import { LinkHooks } from './auth/link-hooks';
import { GoogleOAuthFlow } from './auth/oauth-flow';
import { OAuthStates } from './auth/oauth-states';
import { Sessions } from './auth/sessions';
import { CalendarChangeHub } from './calendar/change-hub';
import { CalendarSyncService } from './calendar/sync-service';
import type { Config } from './config';
import type { AppContext } from './context';
import { Sealer } from './crypto/sealer';
import { TokenCipher } from './crypto/token-cipher';
import { GoogleClientFactory } from './google/client-factory';
import { type RetryClock, realRetryClock } from './google/retry';
import { TokenStore } from './google/token-store';
import { type JobCatalogue, jobCatalogue } from './jobs';
import { createJobQueue } from './jobs/engine';
import type { Logger } from './log';
import { createMetrics } from './metrics';
import { Briefings } from './notify/briefings';
import { startInvitationNotices } from './notify/invitation-notices';
import { planReminders } from './notify/plan-reminders';
import { SentNotices } from './notify/sent-notices';
import { Settings } from './settings/settings';

/** A briefing waits little on a failing model: its agenda goes without the sentences instead. */
const BRIEFING_MODEL_RETRY: RetryPolicy = {
  maxAttempts: 2,
  baseDelayMs: 250,
  maxDelayMs: 500,
  maxTotalWaitMs: 1000,
};

/** Wire the services on an open database. Tests call this with their own config and logger. */
export function buildContext(
  config: Config,
  db: Database,
  log: Logger,
  now: () => Date = () => new Date(),
  retryClock: RetryClock = realRetryClock,
  opts: { jobs?: JobCatalogue; processMetrics?: boolean } = {},
): AppContext {
  const metrics = createMetrics({ now, processMetrics: opts.processMetrics });
  const cipher = new TokenCipher(config.tokenKeys.current, config.tokenKeys.previous);
  const tokens = new TokenStore(cipher);
  const google = new GoogleClientFactory({
    google: config.google,
    models: db.models,
    tokens,
    log,
    calls: metrics,
  });
  const links = new ConnectLinks(db.models, config.publicUrl, now);
  const hooks = new LinkHooks(log);
  forgetAgentData(hooks, { models: db.models, sealer: new Sealer(cipher), log, now });
  const { mapsApiKey, apiRootUrl } = config.google;
  const settings = new Settings({
    models: db.models,
    cipher,
    log,
    now,
    maps: mapsApiKey ? { apiKey: mapsApiKey, rootUrl: apiRootUrl, calls: metrics } : undefined,
  });
  // A person's settings (reminders, briefing, home address) go with their link.
  hooks.onIdentityUnlinked(async ({ teamId, slackUserId }) => {
    await settings.forgetPerson(teamId, slackUserId);
  });
  const accounts = new Accounts({
    models: db.models,
    sequelize: db.sequelize,
    tokens,
    google,
    googleConfig: config.google,
    hooks,
    log,
    calls: metrics,
  });
  const states = new OAuthStates(db.models, cipher, now);
  // The kinds the queue accepts; the engine (src/jobs/app-engine.ts, started by src/run.ts) runs the same catalogue.
  const jobs = createJobQueue({ db, now, cipher, kinds: (opts.jobs ?? jobCatalogue).kinds });
  const calendar = new CalendarChangeHub({ models: db.models, log });
  const calendarSync = new CalendarSyncService({
    models: db.models,
    sequelize: db.sequelize,
    cipher,
    google,
    jobs,
    hub: calendar,
    config,
    log,
    now,
  });
  // Calendar sync starts at link; channels stop while the grant still works; the rest goes with the account.
  // Not awaited: the person's "Connected" DM (a later listener) must not wait on the database.
  hooks.onAccountLinked(({ user }) => {
    calendarSync
      .linked(user.id)
      .catch((err) => log.error({ err, userId: user.id }, 'could not start calendar sync'));
  });
  hooks.onGrantRevoking(({ userId }) => calendarSync.disconnecting(userId));
  hooks.onAccountForgotten(({ userId }) => calendarSync.forget(userId));
  const { apiKey, model, baseUrl } = config.gemini;
  const briefings = new Briefings({
    models: db.models,
    settings,
    jobs,
    log,
    now,
    agenda: new AgendaService({ google, log, now, retryClock }),
    model: apiKey
      ? attentionWriter(createGeminiModel({ apiKey, model, baseUrl }, log, BRIEFING_MODEL_RETRY))
      : undefined,
  });
  // Settings changes, new links and unlinks re-plan or cancel each person's briefing.
  briefings.listen(hooks);
  const ctx: AppContext = {
    config,
    log,
    db,
    cipher,
    tokens,
    google,
    links,
    accounts,
    hooks,
    states,
    oauth: new GoogleOAuthFlow({ config, states, links, accounts, log, calls: metrics }),
    sessions: new Sessions(config.jwtSecret, now),
    settings,
    calendar,
    calendarSync,
    notices: new SentNotices({ models: db.models, cipher, now }),
    now,
    retryClock,
    jobs,
    briefings,
    telemetry: metrics,
    metrics,
  };
  // Meeting reminders and leave-now follow calendar sync, settings and unlinking (src/notify).
  planReminders(ctx);
  // What Lume says first plans from calendar sync's batches (src/notify).
  startInvitationNotices(ctx);
  return ctx;
}
