import type { FakeSlackState, FakeSlackUser } from './state';

type Args = Record<string, unknown>;
type Result = Record<string, unknown> & { ok: boolean };
const fail = (error: string): Result => ({ ok: false, error });

/** A member as users.info, users.list and users.lookupByEmail return one (e-mail for users:read.email). */
export function userObject(state: FakeSlackState, u: FakeSlackUser) {
  return {
    id: u.id,
    team_id: state.teamId,
    name: u.name.toLowerCase().replace(/\s+/g, '.'),
    real_name: u.realName ?? u.name,
    tz: u.tz ?? 'America/New_York',
    tz_label: u.tz ?? 'Eastern Standard Time',
    is_bot: !!u.isBot,
    deleted: !!u.deleted,
    profile: {
      display_name: u.name,
      real_name: u.realName ?? u.name,
      ...(u.email ? { email: u.email } : {}),
    },
  };
}

/** Cursor paging as Slack does it: an opaque next_cursor, empty on the last page. */
function page<T>(items: T[], args: Args, max: number) {
  const limit = Math.min(Number(args.limit ?? 100) || 100, max);
  const start = args.cursor ? Number(Buffer.from(String(args.cursor), 'base64').toString().slice(4)) : 0;
  const next = start + limit < items.length ? Buffer.from(`off:${start + limit}`).toString('base64') : '';
  return { items: items.slice(start, start + limit), next };
}

/** Who is who (users.*) and who is where (conversations.info / members), as the Web API answers. */
export const DIRECTORY_METHODS: Record<string, (s: FakeSlackState, a: Args) => Result> = {
  'users.info': (s, a) => {
    const u = s.users.get(String(a.user ?? ''));
    return u ? { ok: true, user: userObject(s, u) } : fail('user_not_found');
  },
  'users.list': (s, a) => {
    const { items, next } = page([...s.users.values()], a, 1000);
    return {
      ok: true,
      members: items.map((u) => userObject(s, u)),
      cache_ts: Math.floor(Date.now() / 1000),
      response_metadata: { next_cursor: next },
    };
  },
  'users.lookupByEmail': (s, a) => {
    const email = String(a.email ?? '').toLowerCase();
    const u = [...s.users.values()].find((x) => x.email?.toLowerCase() === email);
    return u ? { ok: true, user: userObject(s, u) } : fail('users_not_found');
  },
  'conversations.info': (s, a) => {
    const c = s.channels.get(String(a.channel ?? ''));
    if (!c || (c.isPrivate && !c.botIsMember)) return fail('channel_not_found');
    return {
      ok: true,
      channel: {
        id: c.id,
        name: c.name,
        is_channel: !c.isPrivate,
        is_group: !!c.isPrivate,
        is_private: !!c.isPrivate,
        num_members: c.members.length,
      },
    };
  },
  'conversations.members': (s, a) => {
    const c = s.channels.get(String(a.channel ?? ''));
    if (!c || (c.isPrivate && !c.botIsMember)) return fail('channel_not_found');
    const { items, next } = page(c.members, a, 1000);
    return { ok: true, members: items, response_metadata: { next_cursor: next } };
  },
};
