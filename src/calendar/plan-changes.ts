import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import { Op } from 'sequelize';
import type { Models } from '../../models';
import { eventRef } from './event-ref';
import type { CalendarChange, CalendarEventState } from './feed';
import { eventStateOf, schedulingChanged } from './google-event';
import { eventState } from './stored-events';
import { CALENDAR_SYNC } from './timing';

/** What one sync does to calendar_events, and what it tells the listeners. */
export interface SyncPlan {
  changes: CalendarChange[];
  /** Rows to write (inserted or updated by user + event ref). */
  upserts: CalendarEventState[];
  /** Event refs whose rows go (cancelled, deleted, or long over). */
  deletes: string[];
}

const IN_CHUNK = 500;

async function storedByRef(models: Models, userId: string, refs: string[] | 'all') {
  const rows =
    refs === 'all'
      ? await models.CalendarEvent.findAll({ where: { userId } })
      : (
          await Promise.all(
            Array.from({ length: Math.ceil(refs.length / IN_CHUNK) }, (_, i) =>
              models.CalendarEvent.findAll({
                where: { userId, eventRef: { [Op.in]: refs.slice(i * IN_CHUNK, (i + 1) * IN_CHUNK) } },
              }),
            ),
          )
        ).flat();
  return new Map(rows.map((r) => [r.eventRef, eventState(r)]));
}

/**
 * Compare what Google sent with what is stored. A full sync is the whole calendar from the lookback
 * on, so a stored event it does not list is gone (deleted while the token was invalid, say) and
 * leaves as a cancellation: no event is lost across a 410. Events over before the lookback are not
 * kept; one Lume never stored that is already over is not news.
 */
export async function planChanges(
  models: Models,
  userId: string,
  listed: { events: calendar_v3.Schema$Event[]; full: boolean },
  now: Date,
): Promise<SyncPlan> {
  const latest = new Map(listed.events.filter((e) => e.id).map((e) => [eventRef(e.id ?? ''), e]));
  const stored = await storedByRef(models, userId, listed.full ? 'all' : [...latest.keys()]);
  const horizon = now.getTime() - CALENDAR_SYNC.lookbackMs;
  const plan: SyncPlan = { changes: [], upserts: [], deletes: [] };
  for (const [ref, event] of latest) {
    const before = stored.get(ref) ?? null;
    const after = eventStateOf(userId, event, before);
    if (!after) continue;
    const keep = after.status !== 'cancelled' && (after.allDay || (after.end?.getTime() ?? 0) > horizon);
    if (!before && !keep) continue;
    if (keep) plan.upserts.push(after);
    else plan.deletes.push(ref);
    if (schedulingChanged(before, after)) plan.changes.push({ before, after });
  }
  if (listed.full) {
    for (const [ref, before] of stored) {
      if (latest.has(ref)) continue;
      plan.deletes.push(ref);
      // Over before the window the full sync read: simply old, not cancelled.
      if (!before.allDay && (before.end?.getTime() ?? 0) <= horizon) continue;
      if (before.status !== 'cancelled')
        plan.changes.push({ before, after: { ...before, status: 'cancelled' } });
    }
  }
  return plan;
}
