import { MESSAGES } from '../../../messages';
import { runAgentTurn } from '../../agent/ask-agent';
import { connectPrompt } from '../../connect-prompt';
import type { SlackDeps } from '../../deps';
import type { EventArgs } from '../args';

/**
 * "<@LUME> what's on with <@U2|ada>?" → "what's on with @ada?": Lume's own mention is addressing, not
 * part of the question; other people's mentions stay (as @name when Slack gave the name).
 */
export function stripMentions(text: string, botUserId?: string): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|([^>]*))?>/gi, (whole, id: string, name?: string) =>
      id === botUserId ? ' ' : name ? `@${name}` : whole,
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * app_mention in a channel: answered in a thread (the mention's thread, or a new one under it). A
 * person without Google gets the connect link ephemerally: a one-time link posted where others can
 * click it would let someone else link their account to this person.
 */
export function appMention(deps: SlackDeps) {
  return async ({ event, client, context, body }: EventArgs<'app_mention'>): Promise<void> => {
    if (event.bot_id || !event.user || event.user === context.botUserId) {
      deps.ctx.log.debug({ eventId: body.event_id }, 'mention from a bot ignored');
      return;
    }
    const teamId = context.teamId ?? body.team_id;
    const threadTs = event.thread_ts ?? event.ts;
    const text = stripMentions(event.text ?? '', context.botUserId);
    const account = await deps.ctx.accounts.accountOf(teamId, event.user);
    if (account.kind !== 'connected') {
      const reason = MESSAGES.notConnected;
      const msg = await connectPrompt(deps.ctx, teamId, event.user, { reason });
      await client.chat.postEphemeral({
        channel: event.channel,
        user: event.user,
        thread_ts: threadTs,
        ...msg,
      });
      return;
    }
    if (!text) {
      await client.chat.postMessage({
        channel: event.channel,
        thread_ts: threadTs,
        text: 'Hi! Ask me something after the mention, e.g. "@Lume when is the next team sync?"',
      });
      return;
    }
    await runAgentTurn(deps, client, {
      teamId,
      slackUserId: event.user,
      channelId: event.channel,
      threadTs,
      messageTs: event.ts,
      text,
      source: 'mention',
      user: account.user,
    });
  };
}
