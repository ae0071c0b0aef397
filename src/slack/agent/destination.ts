import type { WebClient } from '@slack/web-api';
import type { Conversation } from '../../agent/ports';
import type { Logger } from '../../log';

/** Where one turn's answer goes in Slack, and the client and log to get it there. */
export interface Destination extends Conversation {
  client: WebClient;
  log: Logger;
}
