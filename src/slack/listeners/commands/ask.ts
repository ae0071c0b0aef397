import { askInDm } from '../../agent/ask-agent';
import { esc, truncate } from '../../blocks/text';
import { connectPrompt } from '../../connect-prompt';
import type { SubcommandInput } from './subcommand';

/**
 * `/lume <question>`: the question goes to the agent, answered in the person's DM with Lume (a
 * channel is no place for someone's mail and calendar, and confirm cards work there).
 */
export async function ask({
  deps,
  teamId,
  userId,
  text,
  command,
  respond,
  client,
}: SubcommandInput<undefined>): Promise<void> {
  const account = await deps.ctx.accounts.accountOf(teamId, userId);
  if (account.kind !== 'connected') {
    const reason = 'To answer questions about your mail, calendar and tasks, Lume needs your Google account.';
    await respond({
      response_type: 'ephemeral',
      ...(await connectPrompt(deps.ctx, teamId, userId, { reason })),
    });
    return;
  }
  const dm = `slack://app?team=${encodeURIComponent(teamId)}&id=${encodeURIComponent(command.api_app_id)}&tab=messages`;
  await respond({
    response_type: 'ephemeral',
    text: `:speech_balloon: _${esc(truncate(text, 200))}_ — I'll answer in <${dm}|our DM>.`,
  });
  await askInDm(deps, client, { teamId, userId, text, source: 'command', via: '/lume', user: account.user });
}
