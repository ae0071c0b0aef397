import { Op, type Sequelize } from 'sequelize';
import type { CalendarSync, Models } from '../../models';
import { Sealer } from '../crypto/sealer';
import type { TokenCipher } from '../crypto/token-cipher';
import { eventRef } from '../notify/sent-notices';
import type { CalendarChangeBatch, CalendarEventState } from './feed';
import type { SyncPlan } from './plan-changes';
import { CALENDAR_SYNC } from './timing';

const tokenAt = (userId: string) => ({ table: 'calendar_syncs', column: 'sync_token', row: userId });
const batchAt = (userId: string) => ({ table: 'calendar_syncs', column: 'pending_batch', row: userId });

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

/**
 * calendar_syncs and calendar_events as sync writes them. The sync token and a batch not yet
 * delivered are sealed with the token cipher, bound to the row: the token reads the person's
 * calendar changes, and the batch names their events.
 */
export class SyncStore {
  private readonly sealer: Sealer;

  constructor(private readonly deps: { models: Models; sequelize: Sequelize; cipher: TokenCipher }) {
    this.sealer = new Sealer(deps.cipher);
  }

  async load(userId: string, now: Date): Promise<CalendarSync> {
    const { CalendarSync } = this.deps.models;
    const [row] = await CalendarSync.findOrCreate({
      where: { userId },
      defaults: { userId, pollDueAt: now },
    });
    return row;
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
   * One transaction: the events, the new token, when the poller must come back, and the batch for
   * the listeners, so a crash after it loses nothing (the batch is emitted by the next run) and a
   * crash before it changes nothing (the same changes are read again from the old token).
   */
  async commit(
    row: CalendarSync,
    plan: SyncPlan,
    o: { nextSyncToken: string | null; batch: CalendarChangeBatch | null; now: Date; pollDueAt: Date },
  ): Promise<void> {
    const { models, sequelize } = this.deps;
    const userId = row.userId;
    await sequelize.transaction(async (transaction) => {
      if (plan.deletes.length)
        await models.CalendarEvent.destroy({
          where: { userId, eventRef: { [Op.in]: plan.deletes } },
          transaction,
        });
      const horizon = new Date(o.now.getTime() - CALENDAR_SYNC.lookbackMs);
      await models.CalendarEvent.destroy({ where: { userId, endAt: { [Op.lte]: horizon } }, transaction });
      for (const s of plan.upserts) {
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
        const [n] = await models.CalendarEvent.update(values, {
          where: { userId, eventRef: values.eventRef },
          transaction,
        });
        if (!n) await models.CalendarEvent.create(values, { transaction });
      }
      row.syncTokenEnc = o.nextSyncToken ? this.sealer.seal(o.nextSyncToken, tokenAt(userId)) : null;
      row.pendingBatchEnc = o.batch ? this.sealer.seal(o.batch, batchAt(userId)) : null;
      row.lastSyncedAt = o.now;
      row.pollDueAt = o.pollDueAt;
      row.rateLimited = 0;
      await row.save({ transaction });
    });
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
