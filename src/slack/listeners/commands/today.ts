import { agendaMessage } from '../../blocks/agenda';
import { accountOf, connectPrompt } from '../../people';
import type { Subcommand } from './types';

/**
 * `/lume today`: the day in the person's own Slack time zone. Private by default; `/lume today share`
 * posts their calendar and tasks in the channel, because the person asked for exactly that (their
 * unread mail stays private).
 */
export const today: Subcommand = async ({ deps, teamId, userId, args, respond }) => {
  const account = await accountOf(deps.ctx, teamId, userId);
  if (account.kind !== 'connected') {
    const reason = 'To show your day, Lume needs your Google account.';
    await respond({
      response_type: 'ephemeral',
      ...(await connectPrompt(deps.ctx, teamId, userId, { reason })),
    });
    return;
  }
  const tz = await deps.users.zone(teamId, userId);
  const agenda = await deps.agenda.forUser(account.user, tz);
  const share = args[0]?.toLowerCase() === 'share';
  await respond({
    response_type: share ? 'in_channel' : 'ephemeral',
    ...agendaMessage(agenda, { shared: share }),
  });
};
