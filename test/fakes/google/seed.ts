import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import type { gmail_v1 } from 'googleapis/build/src/apis/gmail';
import type { keep_v1 } from 'googleapis/build/src/apis/keep';
import type { tasks_v1 } from 'googleapis/build/src/apis/tasks';
import { messageIdFor, newGmailId, storeRawMessage } from './gmail-store';
import { type FakePlace, placesOf } from './maps';
import type { FakeGoogleState } from './state';

/**
 * Helpers that put data into a fake account in Google's own shapes, filling the fields Google
 * would (ids, status, kind, timestamps). Mail is built as a real multipart MIME message and stored
 * through the same parser the fake uses for sent mail.
 */

export interface SeedMessage {
  from: string;
  to: string | string[];
  cc?: string | string[];
  subject: string;
  text: string;
  html?: string;
  /** Send the HTML alone (no text/plain alternative), as many newsletters do. */
  htmlOnly?: boolean;
  attachments?: { filename: string; mimeType: string; content: string | Buffer }[];
  /** Default: INBOX and UNREAD. */
  labelIds?: string[];
  /** Put the message into an existing thread (subjects must match, as in Gmail). */
  threadId?: string;
  date?: Date | string;
  /** RFC 2822 headers; Message-ID defaults to one derived from the content. */
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  replyTo?: string;
}

const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : v);
const b64 = (s: string | Buffer) =>
  (Buffer.isBuffer(s) ? s : Buffer.from(s, 'utf8')).toString('base64').replace(/.{76}/g, '$&\r\n');
const encodeWord = (s: string) =>
  /^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s).toString('base64')}?=`;

/** The raw RFC 2822 text for a seeded message: multipart/mixed ⊃ multipart/alternative ⊃ text + html. */
export function buildSeedRaw(m: SeedMessage): string {
  const date = m.date ? new Date(m.date) : new Date();
  const headers = [
    `From: ${m.from}`,
    `To: ${list(m.to)}`,
    m.cc ? `Cc: ${list(m.cc)}` : '',
    m.replyTo ? `Reply-To: ${m.replyTo}` : '',
    `Subject: ${encodeWord(m.subject)}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: ${m.messageId ?? messageIdFor(`${m.from}|${m.subject}|${date.toISOString()}|${m.text}`)}`,
    m.inReplyTo ? `In-Reply-To: ${m.inReplyTo}` : '',
    m.references ? `References: ${m.references}` : '',
    'MIME-Version: 1.0',
  ].filter(Boolean);
  const textPart = `Content-Type: text/plain; charset="UTF-8"\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(m.text)}`;
  const htmlPart =
    m.html &&
    `Content-Type: text/html; charset="UTF-8"\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(m.html)}`;
  const body = htmlPart ? (m.htmlOnly ? htmlPart : multipart('alternative', [textPart, htmlPart])) : textPart;
  if (!m.attachments?.length) return `${headers.join('\r\n')}\r\n${body}`;
  const files = m.attachments.map(
    (a) =>
      `Content-Type: ${a.mimeType}; name="${a.filename}"\r\nContent-Disposition: attachment; filename="${a.filename}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(a.content)}`,
  );
  return `${headers.join('\r\n')}\r\n${multipart('mixed', [body, ...files])}`;
}

let boundaries = 0;
function multipart(kind: string, parts: string[]): string {
  boundaries += 1;
  const boundary = `b${boundaries}_fake_${kind}`;
  return `Content-Type: multipart/${kind}; boundary="${boundary}"\r\n\r\n${parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('')}--${boundary}--\r\n`;
}

export function seedMessage(state: FakeGoogleState, sub: string, m: SeedMessage): gmail_v1.Schema$Message {
  const date = m.date ? new Date(m.date) : new Date();
  return storeRawMessage(state.dataFor(sub), buildSeedRaw({ ...m, date }), {
    labelIds: m.labelIds ?? ['INBOX', 'UNREAD'],
    threadId: m.threadId,
    internalDate: date.getTime(),
  });
}

export function seedLabel(state: FakeGoogleState, sub: string, name: string): gmail_v1.Schema$Label {
  const label = { id: `Label_${newGmailId().slice(-6)}`, name, type: 'user' };
  state.dataFor(sub).labels.push(label);
  return label;
}

/** A calendar beside 'primary' (e.g. a shared team calendar). */
export function seedCalendar(
  state: FakeGoogleState,
  sub: string,
  entry: calendar_v3.Schema$CalendarListEntry & { id: string },
): calendar_v3.Schema$CalendarListEntry {
  const full = { kind: 'calendar#calendarListEntry', accessRole: 'owner', timeZone: 'UTC', ...entry };
  state.dataFor(sub).calendars.set(entry.id, { entry: full, events: [] });
  return full;
}

export function seedEvent(
  state: FakeGoogleState,
  sub: string,
  event: calendar_v3.Schema$Event,
  calendarId = 'primary',
): calendar_v3.Schema$Event {
  const cal = state.dataFor(sub).calendars.get(calendarId);
  if (!cal) throw new Error(`no fake calendar ${calendarId}`);
  const id = event.id ?? `ev${newGmailId()}`;
  const now = new Date().toISOString();
  const full: calendar_v3.Schema$Event = {
    kind: 'calendar#event',
    etag: `"${Date.now()}"`,
    id,
    status: 'confirmed',
    htmlLink: `https://www.google.com/calendar/event?eid=${id}`,
    created: now,
    updated: now,
    iCalUID: `${id}@google.com`,
    organizer: { email: cal.entry.id ?? '', self: true },
    creator: { email: cal.entry.id ?? '', self: true },
    eventType: 'default',
    ...event,
  };
  cal.events.push(full);
  return full;
}

export function seedTaskList(state: FakeGoogleState, sub: string, title: string): tasks_v1.Schema$TaskList {
  const list = {
    kind: 'tasks#taskList',
    id: `list${newGmailId()}`,
    title,
    updated: new Date().toISOString(),
  };
  state.dataFor(sub).taskLists.push({ list, tasks: [] });
  return list;
}

export function seedTask(
  state: FakeGoogleState,
  sub: string,
  task: tasks_v1.Schema$Task,
  listId = 'default-list',
): tasks_v1.Schema$Task {
  const entry = state.dataFor(sub).taskLists.find((l) => l.list.id === listId);
  if (!entry) throw new Error(`no fake task list ${listId}`);
  const id = task.id ?? `task${newGmailId()}`;
  const full: tasks_v1.Schema$Task = {
    kind: 'tasks#task',
    id,
    etag: `"${Date.now()}"`,
    status: 'needsAction',
    updated: new Date().toISOString(),
    position: String(entry.tasks.length).padStart(20, '0'),
    selfLink: `https://www.googleapis.com/tasks/v1/lists/${listId}/tasks/${id}`,
    webViewLink: `https://tasks.google.com/task/${id}`,
    ...task,
  };
  entry.tasks.push(full);
  return full;
}

/** A Keep note (only served when the account's keepEnabled is true, as for approved Workspace accounts). */
export function seedNote(
  state: FakeGoogleState,
  sub: string,
  note: keep_v1.Schema$Note,
): keep_v1.Schema$Note {
  const id = newGmailId();
  const now = new Date().toISOString();
  const full: keep_v1.Schema$Note = {
    name: `notes/${id}`,
    createTime: now,
    updateTime: now,
    trashed: false,
    ...note,
  };
  state.dataFor(sub).notes.push(full);
  return full;
}

/** A place the Places and Routes fakes know (Routes measures between places' coordinates). */
export function seedPlace(
  state: FakeGoogleState,
  place: { name: string; address: string; lat: number; lng: number } & Partial<FakePlace>,
): FakePlace {
  const { name, address, lat, lng, ...rest } = place;
  const id = rest.id ?? `ChIJ${newGmailId()}`;
  const full: FakePlace = {
    id,
    displayName: { text: name, languageCode: 'en' },
    formattedAddress: address,
    location: { latitude: lat, longitude: lng },
    googleMapsUri: `https://maps.google.com/?cid=${id}`,
    ...rest,
  };
  placesOf(state).push(full);
  return full;
}
