import type { gmail_v1 } from 'googleapis/build/src/apis/gmail';
import { convert } from 'html-to-text';
import { toLocalIso } from '../../time/zone';
import { type Mailbox, parseAddressList } from './addresses';
import { decodeMailText } from './charset';

type Part = gmail_v1.Schema$MessagePart;

/** A header's value (names are case-insensitive: Message-ID vs Message-Id). */
export function header(
  message: gmail_v1.Schema$Message | Part | undefined,
  name: string,
): string | undefined {
  const headers =
    (message && 'payload' in message ? message.payload?.headers : (message as Part | undefined)?.headers) ??
    [];
  return headers.find((h) => h.name?.toLowerCase() === name.toLowerCase())?.value ?? undefined;
}

function walk(part: Part | undefined, visit: (p: Part) => void): void {
  if (!part) return;
  visit(part);
  for (const child of part.parts ?? []) walk(child, visit);
}

const isAttachment = (p: Part) =>
  Boolean(p.filename) || /^attachment/i.test(header(p, 'Content-Disposition') ?? '');
const decodeText = (p: Part) =>
  decodeMailText(Buffer.from(p.body?.data ?? '', 'base64url'), header(p, 'Content-Type'));

/** HTML mail as readable text: links kept as "text [url]", images and styles dropped. */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    ],
  });
}

/**
 * The readable text of a message: its text/plain part, else its text/html part converted to text
 * (multipart/alternative offers both). Capped at `maxChars` so one huge mail cannot flood the model.
 */
export function messageText(
  payload: Part | undefined,
  maxChars: number,
): { text: string; truncated: boolean } {
  let plain: string | undefined;
  let html: string | undefined;
  walk(payload, (p) => {
    if (isAttachment(p) || p.parts?.length) return;
    if (p.mimeType === 'text/plain' && plain === undefined) plain = decodeText(p);
    if (p.mimeType === 'text/html' && html === undefined) html = decodeText(p);
  });
  const text = (plain ?? (html !== undefined ? htmlToText(html) : ''))
    .replace(/\r\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text.length > maxChars
    ? { text: `${text.slice(0, maxChars)}…`, truncated: true }
    : { text, truncated: false };
}

export interface AttachmentInfo {
  filename: string;
  mimeType: string;
  size: number;
  attachmentId?: string;
}

export function attachmentsOf(payload: Part | undefined): AttachmentInfo[] {
  const found: AttachmentInfo[] = [];
  walk(payload, (p) => {
    if (!isAttachment(p) || p.parts?.length) return;
    found.push({
      filename: p.filename ?? '',
      mimeType: p.mimeType ?? 'application/octet-stream',
      size: p.body?.size ?? 0,
      attachmentId: p.body?.attachmentId ?? undefined,
    });
  });
  return found;
}

const names = (list: Mailbox[]) => list.map((m) => (m.name ? `${m.name} <${m.email}>` : m.email));

/** What the model sees of a message in a list: who, what, when (local time), flags. */
export function summarizeMessage(m: gmail_v1.Schema$Message, timeZone: string) {
  const labels = m.labelIds ?? [];
  return {
    id: m.id,
    threadId: m.threadId,
    from: header(m, 'From'),
    to: names(parseAddressList(header(m, 'To'))),
    subject: header(m, 'Subject') ?? '(no subject)',
    date: m.internalDate ? toLocalIso(new Date(Number(m.internalDate)), timeZone) : header(m, 'Date'),
    snippet: m.snippet ?? '',
    unread: labels.includes('UNREAD'),
    important: labels.includes('IMPORTANT'),
    labels: labels.filter((l) => !['UNREAD', 'IMPORTANT'].includes(l)),
  };
}

/** A full message for reading: the summary plus cc, body text and attachment names. */
export function readableMessage(m: gmail_v1.Schema$Message, timeZone: string, maxChars: number) {
  const { text, truncated } = messageText(m.payload ?? undefined, maxChars);
  const { snippet: _snippet, ...summary } = summarizeMessage(m, timeZone);
  return {
    ...summary,
    cc: names(parseAddressList(header(m, 'Cc'))),
    body: text,
    ...(truncated ? { truncated: true } : {}),
    attachments: attachmentsOf(m.payload ?? undefined).map(({ filename, mimeType, size }) => ({
      filename,
      mimeType,
      size,
    })),
  };
}

export const METADATA_HEADERS = ['From', 'To', 'Cc', 'Subject', 'Date'];
