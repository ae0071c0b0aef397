import type { gmail_v1 } from 'googleapis/build/src/apis/gmail';
import { headerOf } from './gmail-store';
import { allTextOf, parseMime } from './mime';

/**
 * The subset of Gmail's search syntax the fake understands: is:, in:, label:, from:, to:, cc:,
 * subject:, rfc822msgid:, newer_than:/older_than: (d/m/y), after:/before:, has:attachment, category:, quoted
 * phrases, plain words, `-` negation, `OR` and `{a b}` alternatives. Matching is case-insensitive.
 */
type Test = (m: gmail_v1.Schema$Message) => boolean;

const LABEL_ALIASES: Record<string, string> = {
  inbox: 'INBOX',
  sent: 'SENT',
  trash: 'TRASH',
  spam: 'SPAM',
  drafts: 'DRAFT',
  draft: 'DRAFT',
  starred: 'STARRED',
  important: 'IMPORTANT',
  unread: 'UNREAD',
};

function tokenize(q: string): string[] {
  return q.match(/-?[\w.]+:\([^)]*\)|-?[\w.]+:"[^"]*"|-?"[^"]*"|[{}]|-?[^\s{}]+/g) ?? [];
}

const unquote = (v: string) =>
  v
    .replace(/^\(|\)$/g, '')
    .replace(/^"|"$/g, '')
    .toLowerCase();

function relativeMs(v: string): number {
  const m = /^(\d+)([dmy])$/.exec(v);
  if (!m) return Number.NaN;
  const days = { d: 1, m: 30, y: 365 }[m[2] as 'd' | 'm' | 'y'];
  return +m[1] * days * 86_400_000;
}

function absoluteMs(v: string): number {
  if (/^\d+$/.test(v)) return +v * 1000;
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(v);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : Number.NaN;
}

function textOf(m: gmail_v1.Schema$Message): string {
  const raw = m.raw ? Buffer.from(m.raw, 'base64url').toString('utf8') : '';
  const body = raw ? allTextOf(parseMime(raw)) : (m.snippet ?? '');
  return ['From', 'To', 'Cc', 'Subject']
    .map((h) => headerOf(m, h) ?? '')
    .join(' ')
    .concat(' ', body)
    .toLowerCase();
}

function termTest(term: string, labels: gmail_v1.Schema$Label[], now: number): Test {
  const colon = term.indexOf(':');
  const key = colon > 0 ? term.slice(0, colon).toLowerCase() : '';
  const value = colon > 0 ? unquote(term.slice(colon + 1)) : unquote(term);
  const hasLabel = (id: string) => (m: gmail_v1.Schema$Message) => (m.labelIds ?? []).includes(id);
  const header = (name: string) => (m: gmail_v1.Schema$Message) =>
    (headerOf(m, name) ?? '').toLowerCase().includes(value);
  const date = (m: gmail_v1.Schema$Message) => Number(m.internalDate ?? 0);
  switch (key) {
    case 'is':
      return value === 'read'
        ? (m) => !hasLabel('UNREAD')(m)
        : hasLabel(LABEL_ALIASES[value] ?? value.toUpperCase());
    case 'in':
      return value === 'anywhere' ? () => true : hasLabel(LABEL_ALIASES[value] ?? value.toUpperCase());
    case 'label': {
      const norm = (s: string) => s.toLowerCase().replace(/[\s/-]+/g, '-');
      const label = labels.find((l) => norm(l.name ?? '') === norm(value) || l.id?.toLowerCase() === value);
      return label?.id ? hasLabel(label.id) : () => false;
    }
    case 'category':
      return hasLabel(`CATEGORY_${value.toUpperCase()}`);
    case 'from':
    case 'to':
    case 'cc':
    case 'subject':
      return header(key === 'subject' ? 'Subject' : key[0].toUpperCase() + key.slice(1));
    case 'rfc822msgid':
      // Gmail matches the Message-ID header, with or without its angle brackets.
      return (m) =>
        (headerOf(m, 'Message-ID') ?? '').trim().replace(/^<|>$/g, '').toLowerCase() ===
        value.replace(/^<|>$/g, '');
    case 'newer_than':
      return (m) => date(m) > now - relativeMs(value);
    case 'older_than':
      return (m) => date(m) < now - relativeMs(value);
    case 'after':
      return (m) => date(m) >= absoluteMs(value);
    case 'before':
      return (m) => date(m) < absoluteMs(value);
    case 'has':
      return value === 'attachment'
        ? (m) => JSON.stringify(m.payload).includes('"attachmentId"')
        : () => false;
    default:
      return (m) => textOf(m).includes(value);
  }
}

/** A predicate for `q`; `now` anchors newer_than/older_than. */
export function compileGmailQuery(q: string, labels: gmail_v1.Schema$Label[], now = Date.now()): Test {
  const tokens = tokenize(q);
  const groups: Test[][] = [];
  let inBraces: Test[] | null = null;
  let pendingOr = false;
  for (const token of tokens) {
    if (token === '{') inBraces = [];
    else if (token === '}') {
      const alts: Test[] = inBraces ?? [];
      groups.push([(m) => alts.some((t) => t(m))]);
      inBraces = null;
    } else if (token === 'OR') pendingOr = true;
    else {
      const negate = token.startsWith('-') && token.length > 1;
      const base = termTest(negate ? token.slice(1) : token, labels, now);
      const test: Test = negate ? (m) => !base(m) : base;
      if (inBraces) inBraces.push(test);
      else if (pendingOr && groups.length) groups[groups.length - 1].push(test);
      else groups.push([test]);
      pendingOr = false;
    }
  }
  return (m) => groups.every((alts) => alts.some((t) => t(m)));
}

/** Whether q names trash or spam itself (else those are left out, as Gmail does). */
export const queryReachesTrash = (q: string) => /\bin:(trash|spam|anywhere)\b/i.test(q);
