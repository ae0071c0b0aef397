import { MESSAGES } from '../../../messages';
import { runAgentTurn } from '../../agent/ask-agent';
import { connectPrompt } from '../../connect-prompt';
import type { SlackDeps } from '../../deps';
import type { SlackAppContext } from '../../viewing';
import type { EventArgs } from '../args';

/** Subtypes that are still a person writing to Lume; every other subtype (edits, deletions, joins, bots) is not. */
const HUMAN_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

interface ImMessage {
  channel_type?: string;
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  channel: string;
  ts: string;
  thread_ts?: string;
  /** Under the agent view: what the person has open beside Lume as they write. */
  app_context?: SlackAppContext;
}

/** Why a DM event is not a question for Lume, or undefined when it is one. */
export function ignoreReason(m: ImMessage, botUserId?: string): string | undefined {
  if (m.channel_type !== 'im') return 'not a DM';
  if (m.subtype && !HUMAN_SUBTYPES.has(m.subtype)) return `subtype ${m.subtype}`;
  // Any bot, Lume included: answering bots is how two apps end up talking to each other forever.
  if (m.bot_id) return 'from a bot';
  if (!m.user || m.user === botUserId) return 'from Lume';
  if (!m.text?.trim()) return 'no text';
  return undefined;
}

/** message.im: a person's DM goes to the agent; a person without Google gets the connect link. */
export function messageIm(deps: SlackDeps) {
  return async ({ event, client, context, body }: EventArgs<'message'>): Promise<void> => {
    const m = event as unknown as ImMessage;
    const reason = ignoreReason(m, context.botUserId);
    if (reason) {
      deps.ctx.log.debug({ eventId: body.event_id, reason }, 'DM event ignored');
      return;
    }
    const teamId = context.teamId ?? body.team_id;
    const userId = m.user as string;
    const account = await deps.ctx.accounts.accountOf(teamId, userId);
    if (account.kind !== 'connected') {
      const reason = MESSAGES.notConnected;
      const msg = await connectPrompt(deps.ctx, teamId, userId, { reason });
      await client.chat.postMessage({ channel: m.channel, thread_ts: m.thread_ts, ...msg });
      return;
    }
    const viewing = await deps.viewing.of(teamId, userId, m.app_context);
    await runAgentTurn(deps, client, {
      teamId,
      slackUserId: userId,
      channelId: m.channel,
      threadTs: m.thread_ts,
      messageTs: m.ts,
      text: (m.text ?? '').trim(),
      source: 'dm',
      user: account.user,
      ...(viewing ? { viewing } : {}),
    });
  };
}
