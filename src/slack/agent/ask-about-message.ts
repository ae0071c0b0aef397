import type { WebClient } from '@slack/web-api';
import type { QuotedMessage } from '../../agent/types';
import { MESSAGES } from '../../messages';
import { type Block, esc, link, truncate } from '../blocks/text';
import { connectPrompt } from '../connect-prompt';
import type { SlackDeps } from '../deps';
import { runAgentTurn } from './ask-agent';

/** What the person asked Lume to do with a message, as a shortcut says it. */
export interface MessageWork {
  /** The shortcut's name, shown in the DM ("Create a task"). */
  name: string;
  /** What Lume is asked to do; the message itself follows as untrusted data. */
  instruction: string;
}

export interface ShortcutUse {
  teamId: string;
  userId: string;
  message: { text?: string; user?: string; ts: string };
  channelId: string;
  /** Replies only the person sees, where they used the shortcut (Slack's response_url). */
  respondPrivately?: (message: { text: string; blocks?: Block[] }) => Promise<unknown>;
}

const QUOTE_SHOWN = 600;

/**
 * A message shortcut: the work opens in the person's DM with Lume, as a thread under a note that
 * links the source message (chat.getPermalink), and the agent answers there with the message as
 * untrusted data — so any change it proposes waits for Confirm like every other. A person without
 * Google gets the connect link privately: an ephemeral reply where they clicked, or their DM.
 */
export async function askAboutMessage(
  deps: SlackDeps,
  client: WebClient,
  work: MessageWork,
  use: ShortcutUse,
): Promise<void> {
  const privately = async (message: { text: string; blocks?: Block[] }) => {
    if (use.respondPrivately) await use.respondPrivately(message);
    else await client.chat.postMessage({ channel: use.userId, ...message });
  };
  const account = await deps.ctx.accounts.accountOf(use.teamId, use.userId);
  if (account.kind !== 'connected') {
    const reason = MESSAGES.notConnected;
    await privately(await connectPrompt(deps.ctx, use.teamId, use.userId, { reason }));
    return;
  }
  const text = (use.message.text ?? '').trim();
  if (!text) {
    await privately({
      text: `That message has no text for Lume to work with, so *${work.name}* can't use it.`,
    });
    return;
  }
  const permalink = await client.chat
    .getPermalink({ channel: use.channelId, message_ts: use.message.ts })
    .then((r) => r.permalink)
    .catch((err: unknown) => {
      deps.ctx.log.debug({ err }, 'no permalink for the message');
      return undefined;
    });
  const by = use.message.user ? ` by <@${use.message.user}>` : '';
  const where = `a message${by} in <#${use.channelId}>`;
  const posted = await client.chat.postMessage({
    channel: use.userId,
    text: `${work.name} from ${where}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${esc(work.name)}* from ${where}` } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `> ${esc(truncate(text, QUOTE_SHOWN)).replace(/\n/g, '\n> ')}`,
          verbatim: true,
        },
      },
      ...(permalink
        ? [
            {
              type: 'context' as const,
              elements: [{ type: 'mrkdwn' as const, text: link(permalink, 'Open the message') }],
            },
          ]
        : []),
    ],
    unfurl_links: false,
    unfurl_media: false,
  });
  const quoted: QuotedMessage = {
    text,
    channelId: use.channelId,
    ...(use.message.user ? { authorId: use.message.user } : {}),
    ...(permalink ? { permalink } : {}),
  };
  await runAgentTurn(deps, client, {
    teamId: use.teamId,
    slackUserId: use.userId,
    channelId: posted.channel ?? use.userId,
    threadTs: posted.ts,
    messageTs: posted.ts,
    text: work.instruction,
    source: 'dm',
    user: account.user,
    quoted,
  });
}
