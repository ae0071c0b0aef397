import { randomBytes } from 'node:crypto';
import { asciiDomain, formatMailbox, type Mailbox } from './addresses';

/**
 * Outgoing mail as RFC 5322 / MIME text, base64url-encoded for Gmail's `raw`. Header values are
 * stripped of line breaks (a model-written subject must never add a header such as Bcc), non-ASCII
 * text is RFC 2047 encoded, and the body is UTF-8 base64.
 */
export interface OutgoingMail {
  from?: Mailbox;
  to: Mailbox[];
  cc?: Mailbox[];
  bcc?: Mailbox[];
  subject: string;
  text: string;
  inReplyTo?: string;
  references?: string;
  /** Lume's own `<…@…>` for this message (a confirmed action's), so Gmail can later be asked for it. */
  messageId?: string;
  attachments?: { filename: string; mimeType: string; data: Buffer }[];
}

const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();

/** RFC 2047 encoded words of at most 75 characters, split between characters (never inside one). */
export function encodeHeaderText(value: string): string {
  const text = oneLine(value);
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    // 45 bytes of UTF-8 become 60 base64 characters: with "=?UTF-8?B?" and "?=" that is 72.
    if (Buffer.byteLength(chunk + ch) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join('\r\n ');
}

/**
 * An address as a header carries it: an internationalised domain as IDNA (`bücher.de` →
 * `xn--bcher-kva.de`), which every server understands; a non-ASCII local part stays UTF-8 (RFC 6532,
 * which Gmail supports), as there is no other way to write it.
 */
function wireAddress(email: string): string {
  const at = email.lastIndexOf('@');
  const domain = email.slice(at + 1);
  return `${email.slice(0, at)}@${asciiDomain(domain) || domain}`;
}

function addressHeader(list: Mailbox[]): string {
  return list
    .map((m) => {
      const email = wireAddress(oneLine(m.email));
      if (!m.name) return email;
      const name = oneLine(m.name);
      if (!/^[\x20-\x7e]*$/.test(name)) return `${encodeHeaderText(name)} <${email}>`;
      return /[(),.:;<>@[\]"\\]/.test(name)
        ? `"${name.replace(/(["\\])/g, '\\$1')}" <${email}>`
        : formatMailbox({ name, email });
    })
    .join(', ');
}

const base64Lines = (data: Buffer) => data.toString('base64').replace(/.{76}(?=.)/g, '$&\r\n');

/** The message as RFC 5322 text (CRLF line ends). */
export function buildMime(mail: OutgoingMail): string {
  const headers: string[] = [];
  if (mail.from) headers.push(`From: ${addressHeader([mail.from])}`);
  headers.push(`To: ${addressHeader(mail.to)}`);
  if (mail.cc?.length) headers.push(`Cc: ${addressHeader(mail.cc)}`);
  if (mail.bcc?.length) headers.push(`Bcc: ${addressHeader(mail.bcc)}`);
  headers.push(`Subject: ${encodeHeaderText(mail.subject)}`);
  if (mail.messageId) headers.push(`Message-ID: ${oneLine(mail.messageId)}`);
  if (mail.inReplyTo) headers.push(`In-Reply-To: ${oneLine(mail.inReplyTo)}`);
  if (mail.references) headers.push(`References: ${oneLine(mail.references)}`);
  headers.push('MIME-Version: 1.0');
  const textPart = [
    'Content-Type: text/plain; charset="UTF-8"',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(Buffer.from(mail.text, 'utf8')),
  ].join('\r\n');
  if (!mail.attachments?.length) return `${headers.join('\r\n')}\r\n${textPart}\r\n`;
  const boundary = `lume_${randomBytes(12).toString('hex')}`;
  const files = mail.attachments.map((a) => {
    const name = encodeHeaderText(a.filename).replace(/"/g, '');
    return [
      `Content-Type: ${oneLine(a.mimeType)}; name="${name}"`,
      `Content-Disposition: attachment; filename="${name}"`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(a.data),
    ].join('\r\n');
  });
  const parts = [textPart, ...files].map((p) => `--${boundary}\r\n${p}\r\n`).join('');
  return `${headers.join('\r\n')}\r\nContent-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n${parts}--${boundary}--\r\n`;
}

/** Gmail's `raw`: the whole message, base64url. */
export const toRaw = (mail: OutgoingMail) => Buffer.from(buildMime(mail), 'utf8').toString('base64url');
