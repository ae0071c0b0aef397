import type { User } from '../../models';
import type { Viewing } from '../tools/lib/directory';
import type { ActionPreview } from '../tools/types';
import type { Conversation } from './ports';

/** A message someone else wrote that the person pointed Lume at (a message shortcut). */
export interface QuotedMessage {
  text: string;
  /** Slack user id of its author, when a person wrote it. */
  authorId?: string;
  channelId: string;
  permalink?: string;
}

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
  /** The channel the person has open beside Lume (Slack's agent view), name and id only. */
  viewing?: Viewing;
  /** The message the question is about; reaches the model as untrusted data, never as instructions. */
  quoted?: QuotedMessage;
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

/** A click on one of the choices a tool offered (a meeting time): show that proposal's card. */
export interface ChoiceClick {
  /** The button's value: the pending action it proposes. */
  actionId: string;
  teamId: string;
  slackUserId: string;
  /** Where the choices are (for a private reply, and to settle them). */
  channelId?: string;
  messageTs?: string;
}

/** The chat layer hands people's questions and card clicks to this; src/agent implements it. */
export interface Agent {
  handle(turn: AgentTurnInput): Promise<void>;
  decide(click: ActionClick): Promise<void>;
  pick(click: ChoiceClick): Promise<void>;
  /** A card's whole request ("View everything"), for the person it was made for only; null otherwise. */
  request(ask: { actionId: string; teamId: string; slackUserId: string }): Promise<ActionPreview | null>;
  /** Settle confirmed actions whose run died (agent/confirm/recover-stalled.ts); resolves to how many. */
  recoverStalledActions(): Promise<number>;
}
