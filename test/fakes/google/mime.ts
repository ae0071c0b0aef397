import type { gmail_v1 } from 'googleapis/build/src/apis/gmail';

/**
 * A small RFC 2822/2045/2047 parser, so the fake Gmail turns raw messages (seeded, sent, drafted)
 * into the `payload` tree the real API returns for format=full: decoded header values, parts
 * numbered "0", "0.1"…, text bodies as base64url, attachments as attachmentId + size.
 */
export interface MimePart {
  headers: { name: string; value: string }[];
  mimeType: string;
  filename: string;
  body: Buffer;
  parts?: MimePart[];
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=), as Gmail decodes them for the API. */
export function decodeEncodedWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, charset: string, enc: string, text: string) => {
      const bytes =
        enc.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : Buffer.from(
              text
                .replace(/_/g, ' ')
                .replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
              'latin1',
            );
      return new TextDecoder(charset.toLowerCase()).decode(bytes);
    });
}

function decodeQuotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(joined.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}

/** `text/plain; charset="utf-8"; name=a.pdf` → value and lower-cased parameters. */
export function headerParams(value: string): { value: string; params: Record<string, string> } {
  const [head, ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq > 0)
      params[p.slice(0, eq).trim().toLowerCase()] = p
        .slice(eq + 1)
        .trim()
        .replace(/^"|"$/g, '');
  }
  return { value: head.trim().toLowerCase(), params };
}

export function parseMime(raw: string): MimePart {
  const split = raw.search(/\r?\n\r?\n/);
  const headText = split < 0 ? raw : raw.slice(0, split);
  const bodyText = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = headText
    .replace(/\r?\n[ \t]+/g, ' ')
    .split(/\r?\n/)
    .filter((l) => l.includes(':'))
    .map((l) => ({
      name: l.slice(0, l.indexOf(':')).trim(),
      value: decodeEncodedWords(l.slice(l.indexOf(':') + 1).trim()),
    }));
  const get = (n: string) => headers.find((h) => h.name.toLowerCase() === n)?.value;
  const type = headerParams(get('content-type') ?? 'text/plain');
  const disposition = headerParams(get('content-disposition') ?? '');
  const filename = disposition.params.filename ?? type.params.name ?? '';
  if (type.value.startsWith('multipart/') && type.params.boundary) {
    const chunks = bodyText.split(`--${type.params.boundary}`);
    // chunks[0] is the preamble; the last one starts with "--" (the close delimiter).
    const parts = chunks
      .slice(1)
      .filter((c) => !c.startsWith('--'))
      .map((c) => parseMime(c.replace(/^\r?\n/, '').replace(/\r?\n$/, '')));
    return { headers, mimeType: type.value, filename, body: Buffer.alloc(0), parts };
  }
  const cte = (get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const bytes =
    cte === 'base64'
      ? Buffer.from(bodyText.replace(/\s+/g, ''), 'base64')
      : cte === 'quoted-printable'
        ? decodeQuotedPrintable(bodyText)
        : Buffer.from(bodyText, 'utf8');
  return { headers, mimeType: type.value, filename, body: asGmailServesText(bytes, type, filename) };
}

/**
 * Gmail serves a text part's body as UTF-8 whatever charset it declares (the header is kept as
 * sent), so a windows-1252 or Shift_JIS part arrives through the API already converted.
 */
function asGmailServesText(raw: Buffer, type: ReturnType<typeof headerParams>, filename: string): Buffer {
  const charset = type.params.charset?.toLowerCase();
  if (filename || !type.value.startsWith('text/') || !charset || /^(utf-?8|us-ascii)$/.test(charset))
    return raw;
  try {
    return Buffer.from(new TextDecoder(charset).decode(raw), 'utf8');
  } catch {
    return raw;
  }
}

/** The Gmail API's payload for a parsed MIME tree; attachments are named `<messageId>.<partId>`. */
export function toGmailPayload(part: MimePart, messageId: string, partId = ''): gmail_v1.Schema$MessagePart {
  const payload: gmail_v1.Schema$MessagePart = {
    partId,
    mimeType: part.mimeType,
    filename: part.filename,
    headers: part.headers,
    body: { size: part.body.length },
  };
  if (part.parts) {
    payload.parts = part.parts.map((p, i) =>
      toGmailPayload(p, messageId, partId ? `${partId}.${i}` : `${i}`),
    );
  } else if (part.filename) {
    payload.body = { size: part.body.length, attachmentId: `att-${messageId}.${partId}` };
  } else {
    payload.body = { size: part.body.length, data: part.body.toString('base64url') };
  }
  return payload;
}

/** Gmail's snippet: the start of the first text part, whitespace collapsed, HTML tags dropped. */
export function snippetOf(part: MimePart): string {
  const texts: MimePart[] = [];
  const walk = (p: MimePart) => (p.parts ? p.parts.forEach(walk) : !p.filename && texts.push(p));
  walk(part);
  const text =
    texts.find((p) => p.mimeType === 'text/plain') ?? texts.find((p) => p.mimeType === 'text/html');
  if (!text) return '';
  return text.body
    .toString('utf8')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}

/** All text of a message (plain and HTML-stripped), for the fake's full-text search. */
export function allTextOf(part: MimePart): string {
  if (part.parts) return part.parts.map(allTextOf).join(' ');
  if (part.filename || !part.mimeType.startsWith('text/')) return '';
  return part.body.toString('utf8').replace(/<[^>]*>/g, ' ');
}
