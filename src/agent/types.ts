import type { WebClient } from '@slack/web-api';

/** One message from a person to Lume (a DM, a mention, or `/lume <question>`). */
export interface AgentTurnInput {
  teamId: string;
  slackUserId: string;
  channelId: string;
  /** Thread the answer belongs to: the DM thread or the mention's thread; undefined for a top-level DM. */
  threadTs?: string;
  /** ts of the message that started this turn (for status and dedupe). */
  messageTs?: string;
  text: string;
  /** Bolt's client for this request (token already bound). */
  client: WebClient;
  /** Where the question came from; slash commands answer ephemerally until confirmed. */
  source: 'dm' | 'mention' | 'command';
}

/** The Slack layer hands people's questions to this; src/agent implements it. */
export interface Agent {
  handle(turn: AgentTurnInput): Promise<void>;
}
