import type { Sequelize } from 'sequelize';
import type { Models } from '../../models';
import type { Config } from '../config';
import type { TokenCipher } from '../crypto/token-cipher';
import type { GoogleClientFactory } from '../google/client-factory';
import type { JobQueue } from '../job-queue';
import type { Logger } from '../log';
import type { CalendarChangeHub } from './change-hub';
import { sortGoogleFailure } from './google-failure';
import { type NotificationAnswer, type PushNotification, receiveNotification } from './notifications';
import { pollStale } from './poll';
import { PushChannels } from './push-channels';
import { runSync, type SyncOutcome } from './run-sync';
import { cancelCalendarJobs, requestSync, scheduleWatch } from './sync-requests';
import { ensureSyncRow, SyncStore } from './sync-store';
import { CALENDAR_SYNC } from './timing';

/** What the channel job does next: come back at `next`, wait out a rate limit, or nothing more. */
export type ChannelOutcome =
  | { kind: 'kept'; next: Date }
  | { kind: 'rate-limited'; retryInMs: number }
  | { kind: 'stopped' };

export interface CalendarSyncDeps {
  models: Models;
  sequelize: Sequelize;
  cipher: TokenCipher;
  google: GoogleClientFactory;
  jobs: JobQueue;
  hub: CalendarChangeHub;
  config: Pick<Config, 'publicUrl' | 'calendar'>;
  log: Logger;
  now: () => Date;
}

/**
 * Calendar sync as the rest of Lume drives it (`ctx.calendarSync`): link-time start, the sync and
 * channel jobs' work (src/jobs runs them), the poller's pass, push notifications, and forgetting.
 * What sync finds goes out through `ctx.calendar` (the change hub).
 */
export class CalendarSyncService {
  readonly channels: PushChannels;
  private readonly store: SyncStore;

  constructor(private readonly deps: CalendarSyncDeps) {
    this.store = new SyncStore(deps);
    this.channels = new PushChannels({ ...deps, publicUrl: deps.config.publicUrl });
  }

  get pushEnabled(): boolean {
    return this.deps.config.calendar.push;
  }

  /** A Google account was linked: sync it now (its first full sync is `initial`), and register push. */
  async linked(userId: string): Promise<void> {
    const now = this.deps.now();
    // The poller leaves the account alone while this first sync is under way.
    const row = await ensureSyncRow(this.deps.models, userId, now);
    row.pollDueAt = new Date(now.getTime() + this.deps.config.calendar.pollSeconds * 1000);
    // A token kept from before (the grant lapsed and came back) would make this first sync look like news.
    row.syncTokenEnc = null;
    await row.save({ fields: ['pollDueAt', 'syncTokenEnc'] });
    await requestSync(this.deps, userId, now);
    if (this.pushEnabled) await scheduleWatch(this.deps.jobs, userId, now);
  }

  /** Ask for a sync (debounced: see requestSync). */
  request(userId: string, delayMs = 0): Promise<void> {
    return requestSync(this.deps, userId, new Date(this.deps.now().getTime() + delayMs));
  }

  /** The calendar-sync job's work. Access gone: everything kept for the account goes with it. */
  async sync(userId: string, signal?: AbortSignal): Promise<SyncOutcome> {
    const outcome = await runSync(
      {
        ...this.deps,
        store: this.store,
        channels: this.channels,
        pollSeconds: this.deps.config.calendar.pollSeconds,
      },
      userId,
      signal,
    );
    // The job itself stays: it ends now (dead for a revocation), and its row is purged with finished ones.
    if (outcome.kind === 'revoked' || outcome.kind === 'not-connected')
      await this.forget(userId, { keepSyncJob: true });
    else if (outcome.kind === 'synced' && this.pushEnabled && !(await this.hasChannel(userId)))
      // Linked before push was on (or its registration gave up): the channel job starts now.
      await scheduleWatch(this.deps.jobs, userId, this.deps.now(), 'keep');
    return outcome;
  }

  /** The calendar-watch job's work: a channel that outlives the renewal margin; when to look again (null: stop). */
  async keepChannel(userId: string, signal?: AbortSignal): Promise<ChannelOutcome> {
    const user = await this.deps.models.User.findByPk(userId);
    if (!this.pushEnabled || user?.status !== 'connected') {
      await this.channels.drop(userId);
      return { kind: 'stopped' };
    }
    try {
      return { kind: 'kept', next: await this.channels.ensure(user, signal) };
    } catch (err) {
      const failure = sortGoogleFailure(err);
      if (failure.kind === 'rate-limited')
        return { kind: 'rate-limited', retryInMs: failure.retryAfterMs ?? CALENDAR_SYNC.rateLimitBaseMs };
      // Access gone: the next sync takes the revoked path; polling covers the account meanwhile.
      if (failure.kind === 'revoked') return { kind: 'stopped' };
      throw err;
    }
  }

  /** The poller's pass (a recurring job): syncs for the accounts whose poll is due, at most pollBatch. */
  poll(): Promise<number> {
    return pollStale(this.deps, CALENDAR_SYNC.pollBatch);
  }

  notification(n: PushNotification): Promise<NotificationAnswer> {
    return receiveNotification(
      { ...this.deps, channels: this.channels, request: (id) => this.request(id, CALENDAR_SYNC.debounceMs) },
      n,
    );
  }

  /**
   * The grant is about to be revoked (disconnect, or the last workspace gone): stop the channels at
   * Google while the grant still works, then forget the rest.
   */
  async disconnecting(userId: string): Promise<void> {
    const user = await this.deps.models.User.findByPk(userId);
    if (user && user.status === 'connected') await this.channels.stopAll(user);
    await this.forget(userId);
  }

  /** Everything sync keeps about an account: jobs, events, sync state, channels (not stopped at Google). */
  async forget(userId: string, o: { keepSyncJob?: boolean } = {}): Promise<void> {
    await cancelCalendarJobs(this.deps.jobs, userId, o);
    await this.store.forget(userId);
    await this.channels.drop(userId);
  }

  private async hasChannel(userId: string): Promise<boolean> {
    return (await this.deps.models.CalendarChannel.count({ where: { userId } })) > 0;
  }
}
