import type { TravelMode } from '../settings/types';

/** A planned reminder (sealed at rest: the event id is the person's). */
export interface ReminderPayload {
  identityId: number;
  teamId: string;
  slackUserId: string;
  /** users.id of the Google account whose calendar holds the event. */
  userId: string;
  eventId: string;
  /** The start this reminder is for (ISO): a moved event is a new start, and a new reminder. */
  start: string;
  leadMinutes: number;
  /** Set by leave-now: the DM says how long the trip takes and links the route. */
  travel?: { seconds: number; mode: TravelMode; routeUrl: string };
}

/** What leave-now needs to plan: the same reminder, before Routes was asked. */
export type LeaveNowPayload = Omit<ReminderPayload, 'travel'>;
