import type { Agent } from '../agent/types';
import type { Messenger } from '../notify/messenger';
import type { TimeZoneSource } from '../settings/time-zone-source';

/**
 * What job kinds reach outside Lume's own services through, handed to every job when the engine
 * starts (src/run.ts; the test server likewise). src/jobs never imports src/slack: a kind that posts
 * to Slack gets a port named here (e.g. `messenger: Messenger`, its interface defined outside
 * src/slack, beside the code that needs it), which src/slack implements and the composition root passes in.
 */
export interface JobPorts {
  /**
   * The running agent, for the work only it can do with the chat's ports (settling interrupted
   * actions: the card, a message in its thread). Absent in a process that runs no agent.
   */
  agent?: Pick<Agent, 'recoverStalledActions'>;
  /** DMs what Lume says first (src/slack implements it, paced under Slack's limits). Absent without Slack. */
  messenger?: Messenger;
  /** Reads people's Slack profiles again (the daily time-zone re-read; users.info). Absent without Slack. */
  people?: TimeZoneSource;
}
