import { setImmediate as nextTurn } from 'node:timers/promises';
import type { gmail_v1 } from 'googleapis/build/src/apis/gmail';
import { toLocalIso } from '../../time/zone';
import { type Mailbox, parseAddressList } from './addresses';
import { decodeMailText, withoutPartialUtf8 } from './charset';
import { htmlToText } from './html-text';

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

const MIB = 1024 * 1024;

/**
 * Bytes of a body part worth decoding for `maxChars` characters of text: plain text takes at most
 * four bytes a character; HTML gets room to get past megabytes of markup and inline images, which
 * are dropped as they stream past. Everything beyond is cut before any work is done on it.
 */
export function bodyBudget(maxChars: number): { plainBytes: number; htmlBytes: number } {
  const htmlBytes = Math.min(2 * MIB, Math.max(MIB / 2, maxChars * 64));
  return { plainBytes: maxChars * 4 + 4, htmlBytes };
}

/** Base64 characters of the larger budget: what a Gmail read keeps of each string (readCappedJson). */
export const keptBase64Chars = (maxChars: number) => {
  const { plainBytes, htmlBytes } = bodyBudget(maxChars);
  return Math.ceil(Math.max(plainBytes, htmlBytes) / 3) * 4;
};

/** Base64 characters decoded in one step (a multiple of 4: 32 KB of bytes). */
const SLICE_CHARS = 43_692;

/**
 * A part's body as text, slice by slice, up to `maxBytes`: decoding 15 MB at once would hold the
 * event loop by itself. A character cut between two slices is carried to the next one.
 */
function* decodedSlices(p: Part, maxBytes: number): Generator<string> {
  const data = p.body?.data ?? '';
  const end = Math.min(data.length, Math.ceil(maxBytes / 3) * 4);
  const contentType = header(p, 'Content-Type');
  let carry = Buffer.alloc(0);
  for (let at = 0; at < end; at += SLICE_CHARS) {
    const bytes = Buffer.concat([
      carry,
      Buffer.from(data.slice(at, Math.min(at + SLICE_CHARS, end)), 'base64url'),
    ]);
    // Only a cut end can split a character; the real end is decoded as it is.
    const whole = at + SLICE_CHARS >= data.length ? bytes : withoutPartialUtf8(bytes);
    carry = bytes.subarray(whole.length);
    yield decodeMailText(whole, contentType);
  }
}

/** Whether a part's body goes on past `maxBytes`, or was already cut when the answer was read. */
function isCut(p: Part, maxBytes: number): boolean {
  const data = p.body?.data ?? '';
  const decoded = Math.floor((data.length * 3) / 4);
  return data.length > Math.ceil(maxBytes / 3) * 4 || decoded < (p.body?.size ?? 0) - 2;
}

/**
 * The readable text of a message: its text/plain part, else its text/html part converted to text
 * (multipart/alternative offers both). Capped at `maxChars` so one huge mail cannot flood the model,
 * and cut, decoded and converted in small steps, so it cannot stall the process either.
 */
export async function messageText(
  payload: Part | undefined,
  maxChars: number,
): Promise<{ text: string; truncated: boolean }> {
  let plain: Part | undefined;
  let html: Part | undefined;
  walk(payload, (p) => {
    if (isAttachment(p) || p.parts?.length) return;
    if (p.mimeType === 'text/plain') plain ??= p;
    if (p.mimeType === 'text/html') html ??= p;
  });
  const budget = bodyBudget(maxChars);
  let raw = '';
  let cut = false;
  if (plain) {
    const slices: string[] = [];
    for (const slice of decodedSlices(plain, budget.plainBytes)) {
      slices.push(slice);
      await nextTurn();
    }
    raw = slices.join('');
    cut = isCut(plain, budget.plainBytes);
  } else if (html) {
    const converted = await htmlToText(decodedSlices(html, budget.htmlBytes), maxChars);
    raw = converted.text;
    cut = converted.truncated || isCut(html, budget.htmlBytes);
  }
  const text = raw
    .replace(/\r\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (text.length > maxChars) return { text: `${text.slice(0, maxChars)}…`, truncated: true };
  return cut ? { text: `${text}…`, truncated: true } : { text, truncated: false };
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
export async function readableMessage(m: gmail_v1.Schema$Message, timeZone: string, maxChars: number) {
  const { text, truncated } = await messageText(m.payload ?? undefined, maxChars);
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
