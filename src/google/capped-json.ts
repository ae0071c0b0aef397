import { isAscii } from 'node:buffer';
import { randomBytes } from 'node:crypto';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Strings up to this long (every key, header, id) are kept whole and inline; longer ones are set aside. */
const INLINE_MAX = 1024;

export interface CappedJson<T> {
  value: T;
  /** How many strings were cut. */
  cut: number;
}

/** Where a cut may fall: not inside a UTF-8 character, not inside a `\n` or `\uXXXX` escape. */
function safeEnd(bytes: Buffer): number {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] & 0xc0) === 0x80) end -= 1;
  if (end > 0 && bytes[end - 1] >= 0xc0) end -= 1;
  for (let i = end - 1; i >= Math.max(0, end - 6); i--) {
    if (bytes[i] !== BACKSLASH) continue;
    let run = 1;
    while (i - run >= 0 && bytes[i - run] === BACKSLASH) run += 1;
    const length = bytes[i + 1] === 0x75 ? 6 : 2;
    if (run % 2 === 1 && i + length > end) return i;
    break;
  }
  return end;
}

/**
 * Read a JSON answer as it streams in, keeping at most `maxStringBytes` (and never less than 1 KB) of
 * any string (Gmail sends a 15 MB HTML body as one base64 string). The work is spread over the chunks as they arrive: each
 * chunk is only searched for quotes and backslashes, long strings are set aside instead of being
 * copied, and the final JSON.parse sees the small structure alone — so no single step holds the event
 * loop, whatever the size of the answer.
 */
export async function readCappedJson<T>(
  body: AsyncIterable<Buffer | string>,
  maxStringBytes: number,
): Promise<CappedJson<T>> {
  const limit = Math.max(maxStringBytes, INLINE_MAX);
  const marker = `\u0000${randomBytes(6).toString('hex')}:`;
  const out: Buffer[] = [];
  const aside: { bytes: Buffer; escaped: boolean }[] = [];
  let cut = 0;
  let inString = false;
  let escapedNext = false;
  let parts: Buffer[] = [];
  let seen = 0;
  let kept = 0;
  let hasEscape = false;

  const keep = (piece: Buffer) => {
    seen += piece.length;
    const room = limit - kept;
    if (room <= 0) return;
    const taken = piece.length <= room ? piece : piece.subarray(0, room);
    parts.push(Buffer.from(taken));
    kept += taken.length;
  };
  const endString = () => {
    let bytes = Buffer.concat(parts);
    if (seen > limit) {
      bytes = bytes.subarray(0, safeEnd(bytes));
      cut += 1;
    }
    if (seen <= INLINE_MAX) {
      out.push(Buffer.from('"'), bytes, Buffer.from('"'));
    } else {
      aside.push({ bytes, escaped: hasEscape });
      out.push(Buffer.from(JSON.stringify(`${marker}${aside.length - 1}`)));
    }
    inString = false;
    parts = [];
    seen = 0;
    kept = 0;
    hasEscape = false;
  };

  for await (const raw of body) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    let pos = 0;
    while (pos < chunk.length) {
      if (!inString) {
        const q = chunk.indexOf(QUOTE, pos);
        out.push(Buffer.from(chunk.subarray(pos, q === -1 ? chunk.length : q)));
        if (q === -1) break;
        inString = true;
        pos = q + 1;
        continue;
      }
      // Inside a string: find its closing quote, stepping over escapes. Each search moves forward
      // only, so a chunk is scanned once however many escapes it holds.
      let i = pos;
      if (escapedNext) {
        escapedNext = false;
        i += 1;
      }
      let q = -2;
      let b = -2;
      let end = -1;
      while (i <= chunk.length) {
        if (q !== -1 && q < i) q = chunk.indexOf(QUOTE, i);
        if (b !== -1 && b < i) b = chunk.indexOf(BACKSLASH, i);
        if (b !== -1 && (q === -1 || b < q)) {
          hasEscape = true;
          if (b + 1 >= chunk.length) {
            escapedNext = true;
            break;
          }
          i = b + 2;
          continue;
        }
        end = q;
        break;
      }
      keep(chunk.subarray(pos, end === -1 ? chunk.length : end));
      if (end === -1) break;
      endString();
      pos = end + 1;
    }
  }
  if (inString) throw new SyntaxError('JSON answer ended inside a string');

  const value = JSON.parse(Buffer.concat(out).toString('utf8'), (_key, v: unknown) => {
    if (typeof v !== 'string' || !v.startsWith(marker)) return v;
    const { bytes, escaped } = aside[Number(v.slice(marker.length))];
    if (escaped) return JSON.parse(`"${bytes.toString('utf8')}"`);
    // Base64 bodies are ASCII: a one-byte string is a copy, where UTF-8 decoding is a full pass.
    return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  }) as T;
  return { value, cut };
}
