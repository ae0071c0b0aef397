import { agendaMessage } from '../../blocks/agenda';
import { connectedAccount } from './connected-account';
import { optionalWord, type Subcommand } from './subcommand';

/**
 * `/lume today`: the day in the person's own Slack time zone. Private by default; `/lume today share`
 * posts their calendar and tasks in the channel, because the person asked for exactly that (their
 * unread mail stays private).
 */
export const today: Subcommand<boolean> = {
  name: 'today',
  usage: '/lume today',
  description:
    'your day: calendar, tasks due and overdue, unread important mail (`/lume today share` posts it in the channel)',
  args: optionalWord('share'),
  async handler(input) {
    const { deps, teamId, userId, args: share, respond } = input;
    const user = await connectedAccount(input, 'To show your day, Lume needs your Google account.');
    if (!user) return;
    const tz = await deps.users.zone(teamId, userId);
    const agenda = await deps.agenda.forUser(user, tz);
    await respond({
      response_type: share ? 'in_channel' : 'ephemeral',
      ...agendaMessage(agenda, { shared: share }),
    });
  },
};
