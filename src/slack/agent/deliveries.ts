import type { WebClient } from '@slack/web-api';
import type { LinkPolicy } from '../../agent/link-policy';
import type { Conversation, Deliveries, Delivery } from '../../agent/ports';
import type { Logger } from '../../log';
import { PostDelivery } from './post-delivery';
import { StreamDelivery } from './stream-delivery';

/**
 * How a turn answers: in a thread (assistant threads, mentions, `/lume <question>` which the Slack
 * layer moves into a DM thread) it is streamed — Slack streams only replies in a thread; top-level
 * DMs get posted messages.
 */
export class SlackDeliveries implements Deliveries {
  constructor(private readonly client: WebClient) {}

  open(to: Conversation, links: LinkPolicy, log: Logger): Delivery {
    const dest = {
      client: this.client,
      teamId: to.teamId,
      slackUserId: to.slackUserId,
      channelId: to.channelId,
      threadTs: to.threadTs,
      log,
    };
    if (dest.threadTs) return new StreamDelivery({ ...dest, threadTs: dest.threadTs }, links);
    return new PostDelivery(dest, links);
  }
}
