import { askInDm } from '../../agent/ask-agent';
import { esc, truncate } from '../../blocks/text';

import { connectedAccount } from './connected-account';
import type { SubcommandInput } from './subcommand';

/**
 * `/lume <question>`: the question goes to the agent, answered in the person's DM with Lume (a
 * channel is no place for someone's mail and calendar, and confirm cards work there).
 */
export async function ask(input: SubcommandInput<undefined>): Promise<void> {
  const { deps, teamId, userId, text, command, respond, client } = input;
  const user = await connectedAccount(
    input,
    'To answer questions about your mail, calendar and tasks, Lume needs your Google account.',
  );
  if (!user) return;
  const dm = `slack://app?team=${encodeURIComponent(teamId)}&id=${encodeURIComponent(command.api_app_id)}&tab=messages`;
  await respond({
    response_type: 'ephemeral',
    text: `:speech_balloon: _${esc(truncate(text, 200))}_ — I'll answer in <${dm}|our DM>.`,
  });
  await askInDm(deps, client, { teamId, userId, text, source: 'command', via: '/lume', user });
}
