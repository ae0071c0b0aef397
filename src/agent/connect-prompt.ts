import type { AppContext } from '../context';
import { connectPrompt } from '../slack/people';
import type { AgentTurnInput } from './types';

/**
 * The connect link, only ever to the person it is for: in a shared channel it goes out ephemerally,
 * because whoever completes the link attaches their Google account to this Slack user.
 */
export async function sendConnectPrompt(
  ctx: AppContext,
  turn: AgentTurnInput,
  reason: string,
): Promise<void> {
  const message = await connectPrompt(ctx, turn.teamId, turn.slackUserId, { reason });
  if (turn.source === 'mention') {
    await turn.client.chat.postEphemeral({
      channel: turn.channelId,
      user: turn.slackUserId,
      thread_ts: turn.threadTs,
      ...message,
    });
    return;
  }
  await turn.client.chat.postMessage({
    channel: turn.channelId,
    thread_ts: turn.threadTs,
    ...message,
    unfurl_links: false,
    unfurl_media: false,
  });
}
