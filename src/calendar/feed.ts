/**
 * What calendar sync tells the rest of Lume (src/notify plans reminders, invitations and change
 * notices from it): the scheduling facts of each event on a person's primary calendar, as stored,
 * and every change a sync found. Titles and locations are not here: they are read from Google at
 * send time. Nothing here knows Slack.
 */

/** The person's own answer to an event: `organizer` when it is theirs (or has no attendees). */
export type MyResponse = 'organizer' | 'accepted' | 'tentative' | 'needsAction' | 'declined';

/** One event (or one instance of a recurring event) on a Google user's primary calendar. */
export interface CalendarEventState {
  /** users.id of the Google account. */
  userId: string;
  /** Google's event id (an instance id for a recurring event's occurrence). */
  eventId: string;
  status: 'confirmed' | 'tentative' | 'cancelled';
  /** Timed events: the instants. All-day events: null. */
  start: Date | null;
  end: Date | null;
  allDay: boolean;
  /** Google's eventType: default, outOfOffice, focusTime, workingLocation, fromGmail, birthday. */
  eventType: string;
  response: MyResponse;
  organizerSelf: boolean;
  /** Google's `updated`. */
  updatedAt: Date | null;
}

/** One event as a sync found it: `before` is what was stored (null: new to Lume), `after` what is now. */
export interface CalendarChange {
  before: CalendarEventState | null;
  /** A deleted or cancelled event arrives with status 'cancelled'. */
  after: CalendarEventState;
}

export interface CalendarChangeBatch {
  userId: string;
  changes: CalendarChange[];
  /**
   * The first full sync after linking (or after Google answered 410 to a sync token): these events
   * were already there, so nothing is announced for them (no invitation, no change notice); reminders
   * are still planned.
   */
  initial: boolean;
  /** When the sync ran (the context's clock). */
  at: Date;
}

export type CalendarChangeListener = (batch: CalendarChangeBatch) => Promise<void>;

/** Calendar sync as its consumers see it (`ctx.calendar`). */
export interface CalendarFeed {
  /** Called after each sync that changed something, in order, before the sync's job ends. */
  onChanges(listener: CalendarChangeListener): void;
  /** The stored events of a user overlapping [from, to), cancelled ones left out, by start. */
  upcoming(userId: string, from: Date, to: Date): Promise<CalendarEventState[]>;
}
