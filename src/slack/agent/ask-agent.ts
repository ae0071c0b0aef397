import type { WebClient } from '@slack/web-api';
import type { AgentTurnInput } from '../../agent/types';
import { MESSAGES } from '../../messages';
import { esc, truncate } from '../blocks/text';
import type { SlackDeps } from '../deps';

/**
 * Hand a question to the agent. The agent answers by itself (it owns the reply); if it throws, the
 * person still gets a short apology where they asked, and the details go to the log only.
 */
export async function runAgentTurn(deps: SlackDeps, client: WebClient, turn: AgentTurnInput): Promise<void> {
  try {
    await deps.agent.handle(turn);
  } catch (err) {
    deps.ctx.log.error(
      { err, teamId: turn.teamId, userId: turn.slackUserId, source: turn.source },
      'agent turn failed',
    );
    await client.chat
      .postMessage({ channel: turn.channelId, thread_ts: turn.threadTs, text: MESSAGES.agentUnavailable })
      .catch((e: unknown) => deps.ctx.log.warn({ err: e }, 'could not post the apology'));
  }
}

/**
 * A question that did not arrive as a DM (`/lume <question>`, a suggested-prompt button): Lume puts
 * it into the person's DM as a new thread and the agent answers there — private, and where confirm
 * cards and follow-ups work. Posting to a user ID lands in the app's DM and needs only chat:write.
 */
export async function askInDm(
  deps: SlackDeps,
  client: WebClient,
  q: {
    teamId: string;
    userId: string;
    text: string;
    source: AgentTurnInput['source'];
    via: string;
    user?: AgentTurnInput['user'];
  },
): Promise<void> {
  const posted = await client.chat.postMessage({
    channel: q.userId,
    text: `You asked (${q.via}): ${q.text}`,
    blocks: [
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `You asked (${esc(q.via)}):` }],
      },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `> ${esc(truncate(q.text, 2900)).replace(/\n/g, '\n> ')}` },
      },
    ],
    unfurl_links: false,
    unfurl_media: false,
  });
  const channelId = posted.channel ?? q.userId;
  await runAgentTurn(deps, client, {
    teamId: q.teamId,
    slackUserId: q.userId,
    channelId,
    threadTs: posted.ts,
    messageTs: posted.ts,
    text: q.text,
    source: q.source,
    user: q.user,
  });
}
