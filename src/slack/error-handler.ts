import type { CodedError } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { AppContext } from '../context';
import { MESSAGES } from '../messages';

interface BodyShape {
  type?: string;
  response_url?: string;
  user?: { id?: string };
  user_id?: string;
  event?: {
    type?: string;
    channel?: string;
    ts?: string;
    thread_ts?: string;
    user?: string;
    bot_id?: string;
  };
}

/**
 * app.error: the last stop for anything a listener did not handle. It logs (without request bodies or
 * tokens) and, where a person is waiting, tells them briefly: an ephemeral reply through response_url
 * for commands and buttons, a thread reply for a DM or mention. Never the error text, never a stack.
 */
export function slackErrorHandler(ctx: AppContext, client: WebClient) {
  return async ({ error, body }: { error: CodedError; body?: unknown }): Promise<void> => {
    const b = (body ?? {}) as BodyShape;
    const userId = b.user_id ?? b.user?.id ?? b.event?.user;
    ctx.log.error(
      { err: error.original ?? error, code: error.code, kind: b.type, userId },
      'Slack listener failed',
    );
    try {
      if (b.response_url) {
        await fetch(b.response_url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            response_type: 'ephemeral',
            replace_original: false,
            text: MESSAGES.friendlyError,
          }),
        });
        return;
      }
      const e = b.event;
      if (e?.channel && !e.bot_id && (e.type === 'message' || e.type === 'app_mention')) {
        await client.chat.postMessage({
          channel: e.channel,
          thread_ts: e.thread_ts ?? (e.type === 'app_mention' ? e.ts : undefined),
          text: MESSAGES.friendlyError,
        });
        return;
      }
      // A button on the App Home has no response_url: the DM is where the person will see it.
      if (b.type === 'block_actions' && userId)
        await client.chat.postMessage({ channel: userId, text: MESSAGES.friendlyError });
    } catch (err) {
      ctx.log.warn({ err }, 'could not tell the person about the failure');
    }
  };
}
