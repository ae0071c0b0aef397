import type { User } from '../../../../models';
import type { LinkedAccount } from '../../../auth/accounts';
import { connectPrompt } from '../../connect-prompt';
import type { SubcommandInput } from './subcommand';

/**
 * The person's connected Google account, for a subcommand that needs one. Without it the person gets
 * a fresh connect link (ephemeral) saying why it is needed, and the subcommand stops there.
 */
export async function connectedAccount(
  { deps, teamId, userId, respond }: SubcommandInput<unknown>,
  why: string | ((account: Exclude<LinkedAccount, { kind: 'connected' }>) => string),
): Promise<User | undefined> {
  const account = await deps.ctx.accounts.accountOf(teamId, userId);
  if (account.kind === 'connected') return account.user;
  const reason = typeof why === 'string' ? why : why(account);
  await respond({
    response_type: 'ephemeral',
    ...(await connectPrompt(deps.ctx, teamId, userId, { reason })),
  });
  return undefined;
}
