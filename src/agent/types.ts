import type { WebClient } from '@slack/web-api';
import type { User } from '../../models';

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
  /**
   * Where the question came from. A mention's answer is visible to the channel (the system prompt says
   * so); `/lume <question>` arrives already moved into a DM thread by the Slack layer.
   */
  source: 'dm' | 'mention' | 'command';
  /** The linked account when the caller already loaded it (saves the agent a query); looked up otherwise. */
  user?: User;
}

/** A click on a confirmation card's Confirm or Cancel button. */
export interface ActionClick {
  decision: 'confirm' | 'cancel';
  /** The button's value: the pending action's id. */
  actionId: string;
  teamId: string;
  /** Who clicked; only the person the card was made for may decide. */
  slackUserId: string;
  /** Where the card is (for a private reply to someone else's click). */
  channelId?: string;
  client: WebClient;
}

/** The Slack layer hands people's questions and card clicks to this; src/agent implements it. */
export interface Agent {
  handle(turn: AgentTurnInput): Promise<void>;
  decide(click: ActionClick): Promise<void>;
}
