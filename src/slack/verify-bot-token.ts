import type { Logger as BoltLogger } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { AppContext } from '../context';
import { ErrorCode, LumeError } from '../errors';
import { SLACK_API_URL, slackClientOptions } from './client-options';

export interface BotIdentity {
  botId: string;
  botUserId: string;
  teamName?: string;
}

/** Slack's answers that mean the token itself is wrong, not that Slack is having a bad minute. */
const REFUSED = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);

export class SlackStartupError extends LumeError {
  constructor(message: string) {
    super(ErrorCode.SlackStartup, message);
  }
}

/**
 * Check SLACK_BOT_TOKEN once at start (auth.test) and learn the bot's ids. Bolt would otherwise call
 * auth.test in its constructor, and a refused token there is an unhandled rejection that kills the
 * process with a stack trace; here it is one line that names the variable.
 */
export async function verifyBotToken(ctx: AppContext, logger: BoltLogger): Promise<BotIdentity> {
  const client = new WebClient(ctx.config.slack.botToken, slackClientOptions(ctx, logger));
  let result: Awaited<ReturnType<WebClient['auth']['test']>>;
  try {
    result = await client.auth.test();
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error;
    if (code && REFUSED.has(code)) {
      throw new SlackStartupError(
        `Slack refused SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token (xoxb-…) from your app's OAuth & Permissions page`,
      );
    }
    const where = ctx.config.slack.apiUrl ?? SLACK_API_URL;
    const reason = code ?? (err instanceof Error ? err.message : String(err));
    throw new SlackStartupError(
      `could not reach Slack's Web API at ${where} to check SLACK_BOT_TOKEN (${reason})`,
    );
  }
  if (!result.bot_id || !result.user_id) {
    throw new SlackStartupError(
      'SLACK_BOT_TOKEN is not a bot token (auth.test returned no bot_id): use the xoxb- token',
    );
  }
  return { botId: result.bot_id, botUserId: result.user_id, teamName: result.team };
}
