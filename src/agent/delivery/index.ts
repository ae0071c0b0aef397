import type { LinkPolicy } from './link-policy';
import { PostDelivery } from './post-delivery';
import { StreamDelivery } from './stream-delivery';
import type { Delivery, Destination } from './types';

export type { Delivery, Destination } from './types';

/**
 * Pick how a turn answers: in a thread (assistant threads, mentions, `/lume <question>` which the Slack
 * layer moves into a DM thread) it is streamed — Slack streams only replies in a thread; top-level
 * DMs get posted messages.
 */
export function deliveryFor(dest: Destination, links: LinkPolicy): Delivery {
  if (dest.threadTs) return new StreamDelivery({ ...dest, threadTs: dest.threadTs }, links);
  return new PostDelivery(dest);
}
