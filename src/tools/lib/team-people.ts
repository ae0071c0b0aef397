import { z } from 'zod';
import type { Team } from './directory';

/** How many members of "this channel" a meeting takes at most; the answer says when there were more. */
export const CHANNEL_PEOPLE_MAX = 20;
/** Member ids read per channel: enough to find CHANNEL_PEOPLE_MAX people among bots and the asker. */
const MEMBERS_READ = 200;

/** The people a teamwork tool is asked about: Slack mentions, Slack names or e-mail addresses. */
export const teamPeopleField = z
  .array(z.string().min(1).max(200))
  .max(49)
  .describe(
    'The teammates, besides the user: Slack mentions exactly as they appear in the message (<@U0123ABC>), Slack names ("Grace", "Grace Hopper"), or e-mail addresses the user gave. Never invent or guess an address.',
  );

/**
 * The people in the channel the person has open (Slack's agent view), at most CHANNEL_PEOPLE_MAX,
 * bots and the person left out. Only that channel: the person can see its members, so listing them
 * tells nobody anything new.
 */
export async function viewedChannelPeople(team: Team): Promise<{ refs: string[]; note: string }> {
  const viewing = team.viewing;
  if (!viewing)
    return { refs: [], note: 'Lume does not know which channel the user has open; ask them whom to invite.' };
  const label = viewing.name ? `#${viewing.name}` : 'the open channel';
  let members: { ids: string[]; more: boolean };
  try {
    members = await team.directory.channelMembers(viewing.channelId, MEMBERS_READ);
  } catch {
    return { refs: [], note: `Lume cannot see who is in ${label} (it may need to be added to it).` };
  }
  const known = new Map((await team.directory.everyone()).map((e) => [e.slackUserId, e]));
  const people: string[] = [];
  let others = 0;
  for (const id of members.ids) {
    const entry = known.get(id) ?? (await team.directory.member(id));
    if (!entry || entry.isBot || entry.deleted || id === team.selfId) continue;
    if (people.length < CHANNEL_PEOPLE_MAX) people.push(`<@${id}>`);
    else others += 1;
  }
  const more = others > 0 || members.more;
  const note = more
    ? `Only the first ${CHANNEL_PEOPLE_MAX} people in ${label} were included${others ? ` (${others} more${members.more ? ' at least' : ''})` : ''}; tell the user.`
    : `The ${people.length} other people in ${label} were included.`;
  return { refs: people, note };
}
