import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../log';
import type { SlackMessage } from '../../slack/blocks/text';
import type { LinkPolicy } from './link-policy';

/** Where one turn's answer goes. */
export interface Destination {
  client: WebClient;
  teamId: string;
  slackUserId: string;
  channelId: string;
  threadTs?: string;
  log: Logger;
}

/** How a turn talks back to Slack: progress, cards, the answer (streamed or posted), or a short failure line. */
export interface Delivery {
  /** Present when this destination streams: each visible delta of the model's text. */
  readonly onText?: (delta: string) => Promise<void>;
  progress(status: string): Promise<void>;
  /** Post a confirmation card; returns its ts when it can be updated later with chat.update. */
  card(message: SlackMessage): Promise<string | undefined>;
  /**
   * The answer is complete: `text` is all of it (a stream sends only what it has not sent yet);
   * `tail` is Lume's own addition (a missing-access notice), shown after it.
   */
  finish(text: string, links: LinkPolicy, tail?: string): Promise<void>;
  /** A short message of Lume's own (safe mrkdwn: an error, a limit, a connect link) instead of or after an answer. */
  notify(text: string): Promise<void>;
}
