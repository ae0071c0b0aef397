/**
 * Text of a mail part as a string. Gmail undoes the transfer encoding (base64, quoted-printable) and
 * normally hands text over as UTF-8 whatever charset the part declares, so valid UTF-8 is taken as
 * is (re-reading it in the declared charset would garble it). Bytes that are not UTF-8 are read in
 * the declared charset, or as Windows-1252 (mail's usual undeclared one) when it is missing or unknown.
 */
export function decodeMailText(bytes: Buffer, contentType: string | undefined): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
    if (!charset || WINDOWS_1252.test(charset)) return windows1252(bytes);
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      return windows1252(bytes);
    }
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Labels the WHATWG Encoding standard maps to Windows-1252 (Latin-1 and ASCII included). */
const WINDOWS_1252 =
  /^(windows-1252|x-cp1252|cp1252|iso-8859-1|iso8859-1|iso_8859-1|latin1|l1|cp819|ibm819|us-ascii|ascii)$/;

/** 0x80–0x9F in Windows-1252 (€, smart quotes, dashes…); Node 20's TextDecoder reads them as Latin-1 controls. */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function windows1252(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

/**
 * `bytes` without a UTF-8 character cut off at its end (a body cut to a byte budget), so that valid
 * UTF-8 stays valid instead of falling back to Windows-1252 for the whole text.
 */
export function withoutPartialUtf8(bytes: Buffer): Buffer {
  let start = bytes.length - 1;
  while (start > 0 && bytes.length - start < 4 && (bytes[start] & 0xc0) === 0x80) start -= 1;
  const lead = bytes[start];
  if (start < 0 || lead < 0xc0) return bytes;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  return bytes.length - start < length ? bytes.subarray(0, start) : bytes;
}
