import type { Models } from '../../models';
import { eventRef } from '../../src/calendar/event-ref';
import type { CalendarEventState } from '../../src/calendar/feed';
import { eventState } from '../../src/calendar/stored-events';

/**
 * Store an event's scheduling facts in calendar_events as calendar sync does, for specs that drive
 * the calendar feed without running sync; returns what was stored before (the change's `before`).
 */
export async function storeAsSync(
  models: Models,
  after: CalendarEventState,
): Promise<CalendarEventState | null> {
  const { CalendarEvent } = models;
  const ref = eventRef(after.eventId);
  const row = await CalendarEvent.findOne({ where: { userId: after.userId, eventRef: ref } });
  const before = row ? eventState(row) : null;
  const values = {
    status: after.status,
    startAt: after.start,
    endAt: after.end,
    allDay: after.allDay,
    eventType: after.eventType,
    response: after.response,
    organizerSelf: after.organizerSelf,
    googleUpdatedAt: after.updatedAt,
  };
  if (row) await row.update(values);
  else await CalendarEvent.create({ userId: after.userId, eventRef: ref, eventId: after.eventId, ...values });
  return before;
}
