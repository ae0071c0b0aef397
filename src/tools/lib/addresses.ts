import { z } from 'zod';

/** One mailbox from a header: `"Priya Shah" <priya@example.com>` → {name, email}. */
export interface Mailbox {
  name?: string;
  email: string;
}

const SIMPLE_EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export const isEmail = (s: string) => SIMPLE_EMAIL.test(s.trim());

/** Split a To/Cc header on commas that are not inside quotes or angle brackets. */
export function parseAddressList(header: string | null | undefined): Mailbox[] {
  if (!header) return [];
  const items: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '<' && !quoted) angle = true;
    else if (ch === '>' && !quoted) angle = false;
    if ((ch === ',' || ch === ';') && !quoted && !angle) {
      items.push(current);
      current = '';
    } else current += ch;
  }
  items.push(current);
  return items.map(parseMailbox).filter((m): m is Mailbox => Boolean(m));
}

function parseMailbox(text: string): Mailbox | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const angle = /^(.*)<([^>]+)>\s*$/.exec(t);
  if (angle) {
    const name = angle[1].trim().replace(/^"|"$/g, '').replace(/\\"/g, '"').trim();
    return { ...(name ? { name } : {}), email: angle[2].trim() };
  }
  return isEmail(t) ? { email: t } : undefined;
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
