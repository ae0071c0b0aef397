import { PendingActions } from '../agent/confirm/pending-actions';
import { Sealer } from '../crypto/sealer';
import { HOUR_MS } from '../time/duration';
import type { RecurringJob } from './types';

/**
 * Requests a card proposed, a day after they expired (the outcome is on the card by then); those
 * nobody answered count as expired confirmations.
 */
export const purgePendingActions: RecurringJob = {
  name: 'purge-pending-actions',
  everyMs: HOUR_MS,
  run: (ctx) =>
    new PendingActions(ctx.db.models, new Sealer(ctx.cipher), ctx.now).purgeStale((tool, n) =>
      ctx.telemetry.confirmation('expired', tool, n),
    ),
};
