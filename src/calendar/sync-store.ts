import { Op, UniqueConstraintError } from 'sequelize';
import type { CalendarSync, Models } from '../../models';
import { Sealer } from '../crypto/sealer';
import type { TokenCipher } from '../crypto/token-cipher';
import { eventRef } from './event-ref';
import type { CalendarChangeBatch, CalendarEventState } from './feed';
import type { SyncPlan } from './plan-changes';
import { CALENDAR_SYNC } from './timing';

/** How calendar_syncs' sealed columns are bound: to the account's row (rotate-keys uses the same). */
export const syncTokenContext = (userId: string) => ({
  table: 'calendar_syncs',
  column: 'sync_token',
  row: userId,
});
export const pendingBatchContext = (userId: string) => ({
  table: 'calendar_syncs',
  column: 'pending_batch',
  row: userId,
});
const tokenAt = syncTokenContext;
const batchAt = pendingBatchContext;

/** JSON of a state: its instants as ISO strings. */
type RawState = Omit<CalendarEventState, 'start' | 'end' | 'updatedAt'> & {
  start: string | null;
  end: string | null;
  updatedAt: string | null;
};
interface RawBatch {
  userId: string;
  initial: boolean;
  at: string;
  changes: { before: RawState | null; after: RawState }[];
}

const revive = (s: RawState): CalendarEventState => ({
  ...s,
  start: s.start ? new Date(s.start) : null,
  end: s.end ? new Date(s.end) : null,
  updatedAt: s.updatedAt ? new Date(s.updatedAt) : null,
});

/** The account's calendar_syncs row, made when missing (no transaction: SQLite in memory has one connection). */
export async function ensureSyncRow(models: Models, userId: string, pollDueAt: Date): Promise<CalendarSync> {
  const found = await models.CalendarSync.findByPk(userId);
  if (found) return found;
  try {
    return await models.CalendarSync.create({ userId, pollDueAt });
  } catch (err) {
    if (!(err instanceof UniqueConstraintError)) throw err;
    const raced = await models.CalendarSync.findByPk(userId);
    if (!raced) throw err;
    return raced;
  }
}

/**
 * calendar_syncs and calendar_events as sync writes them. The sync token and a batch not yet
 * delivered are sealed with the token cipher, bound to the row: the token reads the person's
 * calendar changes, and the batch names their events.
 */
export class SyncStore {
  private readonly sealer: Sealer;

  constructor(private readonly deps: { models: Models; cipher: TokenCipher }) {
    this.sealer = new Sealer(deps.cipher);
  }

  async load(userId: string, now: Date): Promise<CalendarSync> {
    return ensureSyncRow(this.deps.models, userId, now);
  }

  syncToken(row: CalendarSync): string | null {
    if (!row.syncTokenEnc) return null;
    try {
      return this.sealer.open<string>(row.syncTokenEnc, tokenAt(row.userId));
    } catch {
      // Unreadable (a dropped key): a full sync gets a new one.
      return null;
    }
  }

  pendingBatch(row: CalendarSync): CalendarChangeBatch | null {
    if (!row.pendingBatchEnc) return null;
    const b = this.sealer.open<RawBatch>(row.pendingBatchEnc, batchAt(row.userId));
    return {
      userId: b.userId,
      initial: b.initial,
      at: new Date(b.at),
      changes: b.changes.map((c) => ({ before: c.before ? revive(c.before) : null, after: revive(c.after) })),
    };
  }

  /**
   * Write a sync's result so that a crash at any point loses nothing, in three steps, none of which
   * needs a transaction: the batch for the listeners first (a run that finds it delivers it before
   * anything else), then the events (idempotent upserts and deletes), then the new token. A crash
   * before the token is written makes the next run read the same changes again; what it then finds
   * already written is no change, and the stored batch has already told the listeners.
   */
  async commit(
    row: CalendarSync,
    plan: SyncPlan,
    o: { nextSyncToken: string | null; batch: CalendarChangeBatch | null; now: Date; pollDueAt: Date },
  ): Promise<void> {
    const { models } = this.deps;
    const userId = row.userId;
    if (o.batch) {
      row.pendingBatchEnc = this.sealer.seal(o.batch, batchAt(userId));
      await row.save({ fields: ['pendingBatchEnc'] });
    }
    if (plan.deletes.length)
      await models.CalendarEvent.destroy({ where: { userId, eventRef: { [Op.in]: plan.deletes } } });
    const horizon = new Date(o.now.getTime() - CALENDAR_SYNC.lookbackMs);
    await models.CalendarEvent.destroy({ where: { userId, endAt: { [Op.lte]: horizon } } });
    for (const s of plan.upserts) await this.upsert(userId, s);
    row.syncTokenEnc = o.nextSyncToken ? this.sealer.seal(o.nextSyncToken, tokenAt(userId)) : null;
    row.lastSyncedAt = o.now;
    row.pollDueAt = o.pollDueAt;
    row.rateLimited = 0;
    await row.save({ fields: ['syncTokenEnc', 'lastSyncedAt', 'pollDueAt', 'rateLimited'] });
  }

  private async upsert(userId: string, s: CalendarEventState): Promise<void> {
    const { CalendarEvent } = this.deps.models;
    const values = {
      userId,
      eventRef: eventRef(s.eventId),
      eventId: s.eventId,
      status: s.status,
      startAt: s.start,
      endAt: s.end,
      allDay: s.allDay,
      eventType: s.eventType,
      response: s.response,
      organizerSelf: s.organizerSelf,
      googleUpdatedAt: s.updatedAt,
    };
    const [n] = await CalendarEvent.update(values, { where: { userId, eventRef: values.eventRef } });
    if (n) return;
    try {
      await CalendarEvent.create(values);
    } catch (err) {
      // Another run (a taken-over lease) inserted it first: same facts, so update it instead.
      if (!(err instanceof UniqueConstraintError)) throw err;
      await CalendarEvent.update(values, { where: { userId, eventRef: values.eventRef } });
    }
  }

  async delivered(row: CalendarSync): Promise<void> {
    row.pendingBatchEnc = null;
    await row.save();
  }

  /** Everything sync keeps about an account: its events and its sync state. */
  async forget(userId: string): Promise<void> {
    await this.deps.models.CalendarEvent.destroy({ where: { userId } });
    await this.deps.models.CalendarSync.destroy({ where: { userId } });
  }
}
