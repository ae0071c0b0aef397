import type { Logger as BoltLogger } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { AppContext } from '../context';

/**
 * Web API client settings. SLACK_API_URL points it elsewhere (tests, GovSlack). Slack's default retry
 * policy keeps trying for ~30 minutes; a person waiting on a reply is better served by a few quick
 * retries and a clear failure. Rate-limited calls still wait for Retry-After.
 */
export function slackClientOptions(ctx: AppContext, logger: BoltLogger): WebClientOptions {
  return {
    ...(ctx.config.slack.apiUrl ? { slackApiUrl: ctx.config.slack.apiUrl } : {}),
    logger,
    timeout: 10_000,
    retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 4000, randomize: true },
  };
}
