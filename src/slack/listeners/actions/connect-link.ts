import type { ButtonArgs } from '../args';

/**
 * A URL button (Connect, Join, Route): Slack opens the link in the browser and also sends this
 * block_actions payload. Acknowledging it is all there is to do (unacked, Slack shows an error icon).
 */
export function connectLinkClicked() {
  return async ({ ack }: ButtonArgs): Promise<void> => {
    await ack();
  };
}
