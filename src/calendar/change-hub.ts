import type { Models } from '../../models';
import type { Logger } from '../log';
import type { CalendarChangeBatch, CalendarChangeListener, CalendarEventState, CalendarFeed } from './feed';
import { upcomingEvents } from './stored-events';

/**
 * `ctx.calendar`: where calendar sync hands each batch of changes to whoever plans from them (src/notify): listeners
 * run in the order they subscribed, all of them even when one fails. A failure is rethrown after the
 * others ran, so the sync job retries rather than losing the batch (listeners must be idempotent).
 */
export class CalendarChangeHub implements CalendarFeed {
  private readonly listeners: CalendarChangeListener[] = [];

  constructor(private readonly deps: { models: Models; log: Logger }) {}

  upcoming(userId: string, from: Date, to: Date): Promise<CalendarEventState[]> {
    return upcomingEvents(this.deps.models, userId, from, to);
  }

  onChanges(listener: CalendarChangeListener): void {
    this.listeners.push(listener);
  }

  async emit(batch: CalendarChangeBatch): Promise<void> {
    if (!batch.changes.length) return;
    // The first failure, kept as found: a listener that rejects with no reason must still fail the sync.
    let failure: { err: unknown } | undefined;
    for (const listener of this.listeners) {
      try {
        await listener(batch);
      } catch (err) {
        this.deps.log.error({ err, userId: batch.userId }, 'calendar change listener failed');
        failure ??= { err };
      }
    }
    if (failure) throw failure.err;
  }
}
