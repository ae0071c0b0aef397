import { createHash } from 'node:crypto';
import type { gmail_v1 } from 'googleapis/build/src/apis/gmail';
import type { FakeUserData } from './data';
import { parseMime, snippetOf, toGmailPayload } from './mime';

let sequence = 0;

/** Gmail-looking ids (16 hex digits), unique within the process and stable in order. */
export function newGmailId(): string {
  sequence += 1;
  return (0x18f0000000000000n + BigInt(sequence) * 0x1000n).toString(16);
}

const headerOf = (m: gmail_v1.Schema$Message, name: string) =>
  m.payload?.headers?.find((h) => h.name?.toLowerCase() === name.toLowerCase())?.value ?? undefined;

export { headerOf };

/** "Re: Fwd: Budget" → "budget": Gmail threads a reply only when the subjects agree like this. */
const baseSubject = (s: string | undefined) =>
  (s ?? '')
    .replace(/^((re|fwd?|aw)\s*:\s*)+/i, '')
    .trim()
    .toLowerCase();

export interface StoreOptions {
  labelIds: string[];
  threadId?: string | null;
  /** Defaults to the Date header, then now. */
  internalDate?: number;
}

/**
 * Parse a raw RFC 2822 message into the API's full shape and keep it (raw included, for format=raw
 * and attachments). A requested threadId is honoured, as Gmail does, only if the thread exists and
 * the subject matches; otherwise the message starts its own thread.
 */
export function storeRawMessage(
  data: FakeUserData,
  raw: string,
  opts: StoreOptions,
): gmail_v1.Schema$Message {
  const id = newGmailId();
  const tree = parseMime(raw);
  const payload = toGmailPayload(tree, id);
  const message: gmail_v1.Schema$Message = { id, payload };
  const subject = baseSubject(headerOf(message, 'Subject'));
  const thread = opts.threadId ? data.messages.filter((m) => m.threadId === opts.threadId) : [];
  const joins = thread.some((m) => baseSubject(headerOf(m, 'Subject')) === subject);
  const dateHeader = Date.parse(headerOf(message, 'Date') ?? '');
  Object.assign(message, {
    threadId: joins ? opts.threadId : id,
    labelIds: [...opts.labelIds],
    snippet: snippetOf(tree),
    historyId: String(1000 + sequence),
    internalDate: String(opts.internalDate ?? (Number.isNaN(dateHeader) ? Date.now() : dateHeader)),
    sizeEstimate: Buffer.byteLength(raw),
    raw: Buffer.from(raw).toString('base64url'),
  });
  data.messages.push(message);
  return message;
}

/** A Message-ID for seeded mail, derived from content so reruns agree. */
export function messageIdFor(seed: string): string {
  return `<${createHash('sha1').update(seed).digest('hex').slice(0, 20)}@mail.example.com>`;
}
