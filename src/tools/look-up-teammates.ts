import { z } from 'zod';
import { ToolInputError } from './errors';
import { resolvePeople } from './lib/resolve-people';
import { teamPeopleField, viewedChannelPeople } from './lib/team-people';
import { defineTool } from './types';

export const lookUpTeammates = defineTool({
  name: 'look_up_teammates',
  description:
    'Who Slack mentions and names are: each teammate\'s name, e-mail address (their Lume-linked Google account, else their Slack profile e-mail) and time zone. Use it before e-mailing or inviting someone the user named in Slack ("email @grace the notes"), or for "the people in this channel". People it cannot resolve come back with the reason; never guess their address.',
  input: z.object({
    people: teamPeopleField,
    includeViewedChannel: z
      .boolean()
      .optional()
      .describe(
        'True for "the people in this channel": the members of the channel the user has open (capped).',
      ),
  }),
  scopes: [],
  sideEffect: false,
  async handler(args, ctx) {
    const team = ctx.team;
    if (!team) throw new ToolInputError('Looking up teammates works only inside Slack.');
    const channel = args.includeViewedChannel ? await viewedChannelPeople(team) : undefined;
    const refs = [...args.people, ...(channel?.refs ?? [])];
    if (!refs.length) throw new ToolInputError(channel?.note ?? 'Name at least one person.');
    const { people, unresolved } = await resolvePeople(team, refs, ctx.user.email);
    return {
      people: people.map((p) => ({
        name: p.name,
        email: p.email,
        addressFrom:
          p.via === 'lume' ? 'their Lume link' : p.via === 'slack' ? 'their Slack profile' : 'the user',
        ...(p.timeZone ? { timeZone: p.timeZone } : {}),
      })),
      ...(unresolved.length ? { couldNotFind: unresolved.map((u) => `${u.ref}: ${u.why}`) } : {}),
      ...(channel ? { channel: channel.note } : {}),
    };
  },
});
