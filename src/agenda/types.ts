/** One person's day, as the agenda card and App Home show it. Built by AgendaService, rendered by blocks/agenda.ts. */

export interface AgendaEvent {
  title: string;
  allDay: boolean;
  /** Timed events only. */
  start?: Date;
  end?: Date;
  /** Started before today / ends after today (overnight or multi-day). */
  startedEarlier?: boolean;
  endsLater?: boolean;
  location?: string;
  /** Meet link, the conference's video entry point, or a Zoom/Teams… link from the location. */
  joinUrl?: string;
  htmlLink?: string;
  /** The person's own answer, when it is not a clear yes (declined events are left out). */
  myResponse?: 'tentative' | 'needsAction';
  /** Visibility private or confidential: shown to others only as busy. */
  private?: boolean;
  /** A meeting with other guests and no description: nothing says what it is for (the briefing points it out). */
  noAgenda?: boolean;
}

export interface AgendaTask {
  title: string;
  /** YYYY-MM-DD: Google Tasks keeps a due date, not a time. */
  due: string;
  list: string;
  link?: string;
}

export interface AgendaMail {
  /** Unread important messages in the inbox (capped at `cap`). */
  count: number;
  /** True when there are more than `count`. */
  more: boolean;
  top: { subject: string; from: string; threadId: string }[];
}

/** A section that loaded, or a one-line note saying why it did not. */
export type Part<T> = { ok: true; value: T } | { ok: false; note: string };

export interface Agenda {
  /** Local date, YYYY-MM-DD. */
  date: string;
  timeZone: string;
  email: string;
  events: Part<AgendaEvent[]>;
  tasks: Part<{ overdue: AgendaTask[]; today: AgendaTask[] }>;
  mail: Part<AgendaMail>;
}
