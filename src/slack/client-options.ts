import type { Logger as BoltLogger } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { AppContext } from '../context';
import { observedSlackFetch } from './observe-calls';

/** Where the Web API lives unless SLACK_API_URL says otherwise (the library's own default). */
export const SLACK_API_URL = 'https://slack.com/api/';

/**
 * Web API client settings. SLACK_API_URL points it elsewhere (tests, GovSlack). Slack's default retry
 * policy keeps trying for ~30 minutes; a person waiting on a reply is better served by a few quick
 * retries and a clear failure. Rate-limited calls still wait for Retry-After. Every request goes through
 * `fetch`, which reports it to ctx.telemetry (metrics and /ready).
 */
export function slackClientOptions(ctx: AppContext, logger: BoltLogger): WebClientOptions {
  return {
    ...(ctx.config.slack.apiUrl ? { slackApiUrl: ctx.config.slack.apiUrl } : {}),
    fetch: observedSlackFetch(ctx.telemetry, ctx.config.slack.apiUrl ?? SLACK_API_URL),
    logger,
    timeout: 10_000,
    retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 4000, randomize: true },
  };
}
