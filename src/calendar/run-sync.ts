import type { Models } from '../../models';
import type { GoogleClientFactory } from '../google/client-factory';
import type { Logger } from '../log';
import type { CalendarChangeHub } from './change-hub';
import type { CalendarChangeBatch } from './feed';
import { sortGoogleFailure } from './google-failure';
import { listChanges } from './list-changes';
import { planChanges } from './plan-changes';
import type { PushChannels } from './push-channels';
import type { SyncStore } from './sync-store';
import { CALENDAR_SYNC } from './timing';

export type SyncOutcome =
  | { kind: 'synced'; full: boolean; changes: number }
  | { kind: 'not-connected' }
  | { kind: 'revoked' }
  | { kind: 'no-scope' }
  | { kind: 'rate-limited'; retryInMs: number };

export interface RunSyncDeps {
  models: Models;
  google: GoogleClientFactory;
  hub: CalendarChangeHub;
  store: SyncStore;
  channels: PushChannels;
  pollSeconds: number;
  log: Logger;
  now: () => Date;
}

const DAY_MS = 86_400_000;

/**
 * One sync of one account: hand over a batch a previous run stored but could not deliver, read the
 * changes from Google (full when there is no token or Google answered 410), commit events, token and
 * batch together, then emit the batch — a listener's failure rethrows, and the job's retry delivers
 * the stored batch again (listeners are idempotent).
 */
export async function runSync(d: RunSyncDeps, userId: string, signal?: AbortSignal): Promise<SyncOutcome> {
  const user = await d.models.User.findByPk(userId);
  if (user?.status !== 'connected' || !user.refreshTokenEnc) return { kind: 'not-connected' };
  const now = d.now();
  const row = await d.store.load(userId, now);
  const undelivered = d.store.pendingBatch(row);
  if (undelivered) {
    await d.hub.emit(undelivered);
    await d.store.delivered(row);
  }
  let listed: Awaited<ReturnType<typeof listChanges>>;
  try {
    const { apis } = await d.google.forUser(user);
    listed = await listChanges(apis.calendar(), d.store.syncToken(row), { now, signal });
  } catch (err) {
    const failure = sortGoogleFailure(err);
    if (failure.kind === 'revoked') {
      // A 401 that outlived the forced refresh: Google no longer honours the grant; the usual path.
      await user.reload();
      if (user.status === 'connected') await d.google.markRevoked(userId);
      return { kind: 'revoked' };
    }
    if (failure.kind === 'no-scope') {
      // Nothing to read until the person reconnects with the calendar scope: come back tomorrow.
      row.pollDueAt = new Date(now.getTime() + DAY_MS);
      await row.save();
      return { kind: 'no-scope' };
    }
    if (failure.kind === 'rate-limited') {
      const backoff = Math.min(
        CALENDAR_SYNC.rateLimitBaseMs * 2 ** row.rateLimited,
        CALENDAR_SYNC.rateLimitMaxMs,
      );
      row.rateLimited += 1;
      await row.save();
      return { kind: 'rate-limited', retryInMs: Math.max(failure.retryAfterMs ?? 0, backoff) };
    }
    throw err;
  }
  const plan = await planChanges(d.models, userId, listed, now);
  const batch: CalendarChangeBatch | null = plan.changes.length
    ? { userId, changes: plan.changes, initial: listed.full, at: now }
    : null;
  // A lost lease: the instance that took the job over does this sync; writing now would race it.
  signal?.throwIfAborted();
  await d.store.commit(row, plan, {
    nextSyncToken: listed.nextSyncToken,
    batch,
    now,
    pollDueAt: await nextPoll(d, userId, now),
  });
  if (batch) {
    await d.hub.emit(batch);
    await d.store.delivered(row);
  }
  d.log.debug({ userId, full: listed.full, changes: plan.changes.length }, 'calendar synced');
  return { kind: 'synced', full: listed.full, changes: plan.changes.length };
}

/**
 * When the poller must sync this account again: CALENDAR_POLL_SECONDS from now, unless a live push
 * channel tells Lume of changes — then only the safety net (and never past the channel's end).
 */
async function nextPoll(d: RunSyncDeps, userId: string, now: Date): Promise<Date> {
  const live = await d.channels.live(userId);
  const t = now.getTime();
  if (!live?.expiresAt) return new Date(t + d.pollSeconds * 1000);
  return new Date(Math.min(t + CALENDAR_SYNC.pushSafetyNetMs, live.expiresAt.getTime()));
}
