import type { AppContext } from '../context';
import { connectMessage } from './blocks/connect';
import type { SlackMessage } from './blocks/text';

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
