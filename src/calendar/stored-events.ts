import { Op } from 'sequelize';
import type { CalendarEvent, Models } from '../../models';
import type { CalendarEventState, MyResponse } from './feed';

/** The stored scheduling facts of one row, as the feed hands them out. */
export function eventState(row: CalendarEvent): CalendarEventState {
  return {
    userId: row.userId,
    eventId: row.eventId,
    status: row.status as CalendarEventState['status'],
    start: row.startAt,
    end: row.endAt,
    allDay: row.allDay,
    eventType: row.eventType,
    response: row.response as MyResponse,
    organizerSelf: row.organizerSelf,
    updatedAt: row.googleUpdatedAt,
  };
}

/** A user's stored events overlapping [from, to), not cancelled, by start (all-day ones have no instants and are left out). */
export async function upcomingEvents(
  models: Models,
  userId: string,
  from: Date,
  to: Date,
): Promise<CalendarEventState[]> {
  // An empty window overlaps nothing (the query alone would return the events spanning the instant).
  if (from.getTime() >= to.getTime()) return [];
  const rows = await models.CalendarEvent.findAll({
    where: {
      userId,
      status: { [Op.ne]: 'cancelled' },
      startAt: { [Op.lt]: to },
      endAt: { [Op.gt]: from },
    },
    order: [
      ['startAt', 'ASC'],
      ['id', 'ASC'],
    ],
  });
  return rows.map(eventState);
}
