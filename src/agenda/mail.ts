import type { gmail_v1 } from 'googleapis/build/src/apis/gmail';
import type { GoogleApis } from '../google/apis';
import type { AgendaCache, CachedHeaders } from './cache';
import { AGENDA_CALL, type AgendaRead } from './request-options';
import type { AgendaMail } from './types';

/** Inbox mail Gmail marks important and that is still unread. */
export const UNREAD_IMPORTANT_QUERY = 'is:unread is:important in:inbox';
const COUNT_CAP = 50;
const TOP = 3;

const header = (m: gmail_v1.Schema$Message, name: string) =>
  m.payload?.headers?.find((h) => h.name?.toLowerCase() === name.toLowerCase())?.value ?? '';

/** "Priya Patel <priya@example.com>" → "Priya Patel"; a bare address stays as it is. */
export function displayName(from: string): string {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  if (!m) return from.trim();
  return m[1].trim() || m[2].trim();
}

/** Count and top subjects of unread important mail: one list call, then headers of the first few. */
export async function fetchMail(
  apis: GoogleApis,
  userId: string,
  cache: AgendaCache,
  read: AgendaRead,
): Promise<AgendaMail> {
  const gmail = apis.gmail();
  const list = await read(() =>
    gmail.users.messages.list(
      { userId: 'me', q: UNREAD_IMPORTANT_QUERY, maxResults: COUNT_CAP },
      AGENDA_CALL,
    ),
  );
  const refs = list.data.messages ?? [];
  const top = await Promise.all(
    refs.slice(0, TOP).map(async (ref) => {
      const id = ref.id ?? '';
      let h: CachedHeaders | undefined = cache.messageHeaders(userId, id);
      if (!h) {
        const res = await read(() =>
          gmail.users.messages.get(
            { userId: 'me', id, format: 'metadata', metadataHeaders: ['Subject', 'From'] },
            AGENDA_CALL,
          ),
        );
        h = { subject: header(res.data, 'Subject').trim(), from: displayName(header(res.data, 'From')) };
        cache.setMessageHeaders(userId, id, h);
      }
      return { subject: h.subject || '(no subject)', from: h.from, threadId: ref.threadId ?? id };
    }),
  );
  return { count: refs.length, more: !!list.data.nextPageToken, top };
}
