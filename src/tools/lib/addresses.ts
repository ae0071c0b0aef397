import { domainToASCII } from 'node:url';
import addressparser from 'nodemailer/lib/addressparser';
import { z } from 'zod';

/** One mailbox from a header: `"Priya Shah" <priya@example.com>` → {name, email}. */
export interface Mailbox {
  name?: string;
  email: string;
}

const SIMPLE_EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export const isEmail = (s: string) => SIMPLE_EMAIL.test(s.trim());

/**
 * A To/Cc/From header as mailboxes, with nodemailer's RFC 5322 address parser: quoted names with
 * commas, groups (`Board: a@x, b@y;`, every member kept), comments, angle-only addresses. Entries that
 * are not an address (a group's name, garbage) are dropped.
 */
export function parseAddressList(header: string | null | undefined): Mailbox[] {
  if (!header) return [];
  return addressparser(header, { flatten: true }).flatMap((a) => {
    const email = a.address.trim();
    if (!isEmail(email)) return [];
    const name = a.name.trim();
    return [{ ...(name ? { name } : {}), email }];
  });
}

export const formatMailbox = (m: Mailbox) => (m.name ? `${m.name} <${m.email}>` : m.email);

/** Case-insensitive dedupe that also drops the excluded addresses (the user themself, for reply-all). */
export function uniqueMailboxes(list: Mailbox[], exclude: string[] = []): Mailbox[] {
  const seen = new Set(exclude.map((e) => e.toLowerCase()));
  return list.filter((m) => {
    const key = m.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// Zero-width and filler characters; alternatives, not a class: some of them combine with what precedes.
const INVISIBLE =
  /\u00AD|\u034F|\u115F|\u1160|\u17B4|\u17B5|\u180E|[\u200B-\u200D]|[\u2060-\u2064]|\u3164|\uFEFF|\uFFA0/u;
const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Hebrew', 'Arabic', 'Cherokee', 'Han'] as const;

/** The scripts of the letters in one label (a domain label or the local part). */
function scriptsOf(label: string): string[] {
  return SCRIPTS.filter((s) => new RegExp(`\\p{Script=${s}}`, 'u').test(label));
}

/** The domain as it goes into a header: IDNA (punycode) for an internationalised one; '' when invalid. */
export function asciiDomain(domain: string): string {
  return /^[\x21-\x7e]*$/.test(domain) ? domain : domainToASCII(domain.normalize('NFC'));
}

/**
 * What the person should look at twice before mail goes to this address: letters from two scripts in
 * one part (`pаypal.com` with a Cyrillic а), characters that reverse the text's direction or are
 * invisible (in the address or its name), and an internationalised domain (shown as it really is).
 */
export function addressWarnings(m: Mailbox): string[] {
  const warnings: string[] = [];
  const at = m.email.lastIndexOf('@');
  const local = m.email.slice(0, at);
  const domain = m.email.slice(at + 1);
  const parts = [local, ...domain.split('.')];
  const mixed = parts.map(scriptsOf).find((scripts) => scripts.length > 1);
  if (mixed) warnings.push(`${m.email} mixes ${mixed.join(' and ')} letters: it may imitate another address`);
  if (BIDI.test(m.email) || BIDI.test(m.name ?? ''))
    warnings.push(
      `${m.email} holds characters that change the text's direction: what you read is not its order`,
    );
  if (INVISIBLE.test(m.email) || INVISIBLE.test(m.name ?? ''))
    warnings.push(`${m.email} holds invisible characters`);
  if (!/^[\x21-\x7e]*$/.test(domain)) {
    const ascii = asciiDomain(domain);
    warnings.push(
      ascii
        ? `${domain} is an internationalised domain: on the wire it is ${ascii}`
        : `${domain} is not a valid domain`,
    );
  }
  return warnings;
}

/**
 * A recipient list field. Addresses are checked here (not with z.email(), whose long pattern would be
 * copied into the model's function declaration).
 */
export const recipientsField = (what: string) =>
  z
    .array(z.string().refine(isEmail, 'must be a plain email address like priya@example.com'))
    .describe(
      `${what}: plain email addresses (priya@example.com). Use only addresses the user gave or that appear in their mail or calendar; never guess or construct one.`,
    );
