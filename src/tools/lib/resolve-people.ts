import { isEmail } from './addresses';
import type { DirectoryEntry, LinkedCalendar, Team } from './directory';

/** Someone Lume could put a name and an address to. */
export interface Teammate {
  /** What the model passed ("<@U123>", "Grace", "grace@example.com"). */
  ref: string;
  slackUserId?: string;
  name: string;
  email: string;
  /** Where the address came from: their own Lume link, their Slack profile, or the person's words. */
  via: 'lume' | 'slack' | 'given';
  /** Their Slack time zone; undefined for people outside the workspace. */
  timeZone?: string;
  /** Present when they linked Lume: their own busy times, free/busy only. */
  linked?: LinkedCalendar;
}

export interface Unresolved {
  ref: string;
  why: string;
}

export interface Resolution {
  people: Teammate[];
  unresolved: Unresolved[];
}

const MENTION = /^<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>$/i;
// A bare user id (Slack's always hold a digit, so a shouted name like "WILLIAM" stays a name).
const USER_ID = /^[UW](?=[A-Z0-9]*\d)[A-Z0-9]{5,}$/;
const norm = (s: string | undefined) => (s ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
const firstName = (s: string | undefined) => norm(s).split(' ')[0] ?? '';

/**
 * Whom a name can mean: everyone whose display name, real name or handle is that name, or — for a
 * single word — whose first name it is. "Sam" matching Sam Lee's display name and Sam Park's first
 * name means both: the caller asks which rather than picking one. Bots and deactivated accounts
 * are never meant.
 */
export function matchName(everyone: DirectoryEntry[], name: string, people = true): DirectoryEntry[] {
  const wanted = norm(name.replace(/^@/, ''));
  if (!wanted) return [];
  const oneWord = !wanted.includes(' ');
  return everyone.filter(
    (e) =>
      !(e.isBot || e.deleted) === people &&
      ([e.name, e.realName, e.handle].some((n) => norm(n) === wanted) ||
        (oneWord && (firstName(e.realName) === wanted || firstName(e.name) === wanted))),
  );
}

/** Why a Slack account cannot be invited, or undefined when it can. */
function unfit(entry: DirectoryEntry): string | undefined {
  if (entry.isBot) return 'is an app, not a person';
  if (entry.deleted) return 'has a deactivated Slack account';
  return undefined;
}

/**
 * A Slack member as a teammate. The invitation goes to the address the person gave, else to the
 * member's own Lume link (their Google account), else to their Slack profile's e-mail.
 */
async function fromSlack(
  team: Team,
  ref: string,
  entry: DirectoryEntry,
  given?: string,
): Promise<Teammate | Unresolved> {
  const why = unfit(entry);
  if (why) return { ref, why: `${entry.name} ${why}` };
  const linked = await team.linked(entry.slackUserId);
  const email = given ?? linked?.email ?? entry.email;
  if (!email)
    return { ref, why: `${entry.name} has no e-mail on their Slack profile and has not linked Lume` };
  return {
    ref,
    slackUserId: entry.slackUserId,
    name: entry.realName || entry.name,
    email,
    via: given ? 'given' : linked ? 'lume' : 'slack',
    timeZone: entry.timeZone,
    ...(linked ? { linked } : {}),
  };
}

async function resolveOne(team: Team, ref: string, everyone: () => Promise<DirectoryEntry[]>) {
  const text = ref.trim();
  const id = MENTION.exec(text)?.[1] ?? (USER_ID.test(text) ? text : undefined);
  if (id) {
    const entry = await team.directory.member(id.toUpperCase());
    return entry ? fromSlack(team, ref, entry) : { ref, why: 'is not a member of this Slack workspace' };
  }
  if (isEmail(text)) {
    const entry = await team.directory.byEmail(text);
    return entry
      ? fromSlack(team, ref, entry, text)
      : { ref, name: text, email: text, via: 'given' as const };
  }
  const matches = matchName(await everyone(), text);
  if (matches.length === 1) return fromSlack(team, ref, matches[0]);
  if (matches.length === 0) {
    // Only an app or a deactivated account by that name: say so rather than "no one".
    const [other] = matchName(await everyone(), text, false);
    return other ? fromSlack(team, ref, other) : { ref, why: 'matches no one in this Slack workspace' };
  }
  const names = matches.slice(0, 5).map((m) => m.realName || m.name);
  return { ref, why: `could be any of ${names.join(', ')}${matches.length > 5 ? ', …' : ''}: ask which` };
}

/**
 * Slack mentions, user ids, names and e-mail addresses → people with an address. Nobody is guessed:
 * a name matching several people, nobody, or a member without any address comes back unresolved,
 * with the reason, for the answer to say. The person themself and repeats are left out.
 */
export async function resolvePeople(team: Team, refs: string[], selfEmail: string): Promise<Resolution> {
  let all: Promise<DirectoryEntry[]> | undefined;
  const everyone = () => {
    all ??= team.directory.everyone();
    return all;
  };
  const results = await Promise.all(refs.map((ref) => resolveOne(team, ref, everyone)));
  const people: Teammate[] = [];
  const unresolved: Unresolved[] = [];
  const seen = new Set([selfEmail.toLowerCase()]);
  for (const r of results) {
    if (!('email' in r)) unresolved.push(r);
    else if (r.slackUserId !== team.selfId && !seen.has(r.email.toLowerCase())) {
      seen.add(r.email.toLowerCase());
      people.push(r);
    }
  }
  return { people, unresolved };
}
