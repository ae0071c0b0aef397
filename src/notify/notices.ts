import type { Agenda } from '../agenda';

/**
 * What Lume says first, as data: src/notify decides that a notice is due and what it says, and the
 * Slack layer renders each kind (src/slack/blocks/notices/) and posts it. Times are instants; the
 * renderer shows them in `timeZone`. A notice holds only what its message shows.
 */

export interface NoticeEvent {
  eventId: string;
  title: string;
  start: Date;
  end: Date;
  location: string | null;
  /** Meet hangoutLink, a conference entry point, or a Zoom/Teams/Webex link found in the location. */
  joinUrl: string | null;
  /** The event's page in Google Calendar. */
  htmlLink: string | null;
}

export interface ReminderNotice {
  kind: 'reminder';
  timeZone: string;
  event: NoticeEvent;
  /** Whole minutes from sending to the start (0: it starts now). */
  minutesToGo: number;
  /** Set for an unanswered invitation: the reminder carries Yes / Maybe / No. */
  rsvp: RsvpTarget | null;
}

export interface LeaveNowNotice {
  kind: 'leave-now';
  timeZone: string;
  event: NoticeEvent;
  travelMode: string;
  travelSeconds: number;
  /** Google Maps directions from the person's location to the event's. */
  routeUrl: string;
  /** Whole minutes from sending to when the person should leave (0: now). */
  minutesToGo: number;
  rsvp: RsvpTarget | null;
}

export type RsvpAnswer = 'accepted' | 'tentative' | 'declined';

/** What Yes / Maybe / No on a notice are bound to: the Slack user it is for, and the event's `updated` when sent. */
export interface RsvpTarget {
  owner: string;
  version: string | null;
}

export interface InvitationNotice {
  kind: 'invitation';
  timeZone: string;
  event: NoticeEvent;
  /** An all-day invitation: `event.start`/`end` are the local midnights of its first day and the day after its last. */
  allDay: boolean;
  organizer: string;
  /** Whose the buttons are, and which version of the event they answer. */
  rsvp: RsvpTarget;
  /** Other events of the person this one overlaps. */
  clashes: { title: string; start: Date; end: Date }[];
  /** Set once the person answered (here or elsewhere): the message shows it instead of the buttons. */
  answer: RsvpAnswer | null;
  /** Why the buttons no longer apply (the invitation changed or was cancelled since the DM). */
  stale?: 'changed' | 'cancelled';
}

export interface ChangeNotice {
  kind: 'change';
  timeZone: string;
  event: NoticeEvent;
  change: { kind: 'moved'; fromStart: Date; fromEnd: Date } | { kind: 'cancelled' };
  organizer: string;
}

export interface BriefingNotice {
  kind: 'briefing';
  timeZone: string;
  /** The day's agenda as `/lume today` builds it (src/agenda's types), rendered the same way. */
  agenda: Agenda;
  /**
   * Two or three sentences from the model on what needs attention, as it wrote them: the renderer
   * sanitises them with the agent answers' sanitiser before Slack sees them. Null without a model or
   * when it failed.
   */
  attention: string | null;
}

export type Notice = ReminderNotice | LeaveNowNotice | InvitationNotice | ChangeNotice | BriefingNotice;
export type NoticeKind = Notice['kind'];
