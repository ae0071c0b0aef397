import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import type { gmail_v1 } from 'googleapis/build/src/apis/gmail';
import type { keep_v1 } from 'googleapis/build/src/apis/keep';
import type { tasks_v1 } from 'googleapis/build/src/apis/tasks';

/**
 * One fake Google user's data, stored in Google's own resource shapes so the routes can answer
 * with them as they are. Specs seed it directly (e.g. `fake.state.dataFor(sub).calendars`).
 */
export interface FakeUserData {
  /** Full Gmail messages (format=full shape, with payload and raw bodies base64url). */
  messages: gmail_v1.Schema$Message[];
  drafts: gmail_v1.Schema$Draft[];
  labels: gmail_v1.Schema$Label[];
  /** calendarId → calendar list entry and its events. 'primary' is the user's own calendar. */
  calendars: Map<string, { entry: calendar_v3.Schema$CalendarListEntry; events: calendar_v3.Schema$Event[] }>;
  taskLists: { list: tasks_v1.Schema$TaskList; tasks: tasks_v1.Schema$Task[] }[];
  notes: keep_v1.Schema$Note[];
  /** Keep's API serves only Workspace accounts; consumer accounts get Google's 403. */
  keepEnabled: boolean;
  /**
   * Who sees this person's primary calendar's free/busy through freeBusy.query: everyone in the same
   * e-mail domain (Google Workspace's default), anyone, or nobody else.
   */
  freeBusySharing: 'domain' | 'public' | 'private';
}

export function emptyUserData(email: string): FakeUserData {
  return {
    messages: [],
    drafts: [],
    labels: [
      { id: 'INBOX', name: 'INBOX', type: 'system' },
      { id: 'UNREAD', name: 'UNREAD', type: 'system' },
      { id: 'IMPORTANT', name: 'IMPORTANT', type: 'system' },
      { id: 'SENT', name: 'SENT', type: 'system' },
      { id: 'DRAFT', name: 'DRAFT', type: 'system' },
      { id: 'TRASH', name: 'TRASH', type: 'system' },
      { id: 'STARRED', name: 'STARRED', type: 'system' },
    ],
    calendars: new Map([
      [
        'primary',
        {
          entry: { id: email, summary: email, primary: true, accessRole: 'owner', timeZone: 'UTC' },
          events: [],
        },
      ],
    ]),
    taskLists: [{ list: { id: 'default-list', title: 'My Tasks', kind: 'tasks#taskList' }, tasks: [] }],
    notes: [],
    keepEnabled: false,
    freeBusySharing: 'domain',
  };
}
