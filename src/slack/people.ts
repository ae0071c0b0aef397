import type { User } from '../../models';
import type { AppContext } from '../context';
import { connectMessage } from './blocks/connect';
import type { SlackMessage } from './blocks/text';

export type Account = { kind: 'connected'; user: User } | { kind: 'revoked'; user: User } | { kind: 'none' };

/** The Google account behind a Slack user, and whether Lume can still use it. */
export async function accountOf(ctx: AppContext, teamId: string, slackUserId: string): Promise<Account> {
  const user = await ctx.accounts.findBySlack(teamId, slackUserId);
  if (!user) return { kind: 'none' };
  return ctx.accounts.isConnected(user) ? { kind: 'connected', user } : { kind: 'revoked', user };
}

/** A fresh one-time connect link for this Slack user, wrapped in the connect message. */
export async function connectPrompt(
  ctx: AppContext,
  teamId: string,
  slackUserId: string,
  opts: { reason?: string; connectedAs?: string } = {},
): Promise<SlackMessage> {
  const { url, expiresAt } = await ctx.links.create({ teamId, slackUserId });
  return connectMessage({ url, expiresAt, ...opts });
}
