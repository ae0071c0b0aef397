import type { User } from '../../models';
import type { ActionPreview } from '../tools/types';
import type { Conversation } from './ports';

/** One message from a person to Lume (a DM, a mention, or `/lume <question>`), and where to answer it. */
export interface AgentTurnInput extends Conversation {
  /** ts of the message that started this turn (for status and dedupe). */
  messageTs?: string;
  text: string;
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
}

/** The chat layer hands people's questions and card clicks to this; src/agent implements it. */
export interface Agent {
  handle(turn: AgentTurnInput): Promise<void>;
  decide(click: ActionClick): Promise<void>;
  /** A card's whole request ("View everything"), for the person it was made for only; null otherwise. */
  request(ask: { actionId: string; teamId: string; slackUserId: string }): Promise<ActionPreview | null>;
  /** Settle confirmed actions whose run died (agent/confirm/recover-stalled.ts); resolves to how many. */
  recoverStalledActions(): Promise<number>;
}
