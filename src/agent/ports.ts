import type { Logger } from '../log';
import type { Directory } from '../tools/lib/directory';
import type { ActionPreview } from '../tools/types';
import type { LinkPolicy } from './link-policy';

/**
 * What the agent needs from the chat it lives in, and nothing more: it knows no Slack. src/slack
 * implements these ports (src/slack/agent/); tests drive them through the running server.
 */

/** One conversation with one person: a DM (top level or a thread), or a channel thread after a mention. */
export interface Conversation {
  teamId: string;
  slackUserId: string;
  channelId: string;
  /** The thread the answer belongs to; undefined for a top-level DM. */
  threadTs?: string;
}

/** A proposed change as its card shows it: exactly what will happen, until when it can be confirmed. */
export interface ProposalCard {
  /** The pending action's id, which the Confirm and Cancel buttons carry. */
  actionId: string;
  preview: ActionPreview;
  expiresAt: Date;
}

/**
 * Choices to pick from (meeting times): each button opens the card of its proposal. `prompt` is
 * Lume's own line; the labels are times Lume formatted.
 */
export interface ChoiceCard {
  prompt: string;
  options: { actionId: string; label: string }[];
  expiresAt: Date;
}

/** One tool call as a step of the work ("thinking steps"): its state, and what it found. */
export interface ToolStep {
  /** Unique within the turn. */
  id: string;
  title: string;
  status: 'pending' | 'in_progress' | 'complete' | 'error';
  /** A short result or, on error, what went wrong (Lume's own sentence). */
  output?: string;
  /** Links the tool returned; the delivery shows only those the turn's LinkPolicy allows. */
  sources?: { url: string; text: string }[];
}

/** How one turn talks back: progress, cards, the answer (streamed or posted), or a short line of Lume's own. */
export interface Delivery {
  /** Present when this conversation shows the answer as it is written: each visible delta of the model's text. */
  readonly onText?: (delta: string) => Promise<void>;
  /** What the agent is doing right now ("is checking your calendar…"). */
  progress(status: string): Promise<void>;
  /**
   * Present where the conversation shows each tool call as a step (a streamed thread): the steps
   * whose state changed, in order.
   */
  readonly steps?: (updates: ToolStep[]) => Promise<void>;
  /** Show a proposal's card; returns its message id when it can be settled later (Cards.settle). */
  card(card: ProposalCard): Promise<string | undefined>;
  /** Show choices as buttons (picking one shows that proposal's card); returns the message id. */
  choices(card: ChoiceCard): Promise<string | undefined>;
  /**
   * The answer is complete: `text` is all of it (a stream sends only what it has not sent yet);
   * `tail` is Lume's own addition (a missing-access notice), shown after it. Only links the turn's
   * LinkPolicy allows survive.
   */
  finish(text: string, tail?: string): Promise<void>;
  /** A short message of Lume's own (an error, a limit) instead of or after an answer. */
  notify(text: string): Promise<void>;
}

export interface Deliveries {
  /** The delivery of one turn into its conversation; `links` is what the answer may link to. */
  open(to: Conversation, links: LinkPolicy, log: Logger): Delivery;
}

/** What became of a proposal, as its card says once decided. */
export type CardOutcome =
  | { kind: 'done'; by: string; at: Date; detail?: string }
  | { kind: 'failed'; by: string; at: Date; detail: string }
  | { kind: 'cancelled'; by: string; at: Date }
  | { kind: 'expired' }
  /** Confirmed, then interrupted, and Google cannot say whether it happened: `detail` says where to look. */
  | { kind: 'unknown'; by: string; at: Date; detail: string };

/** A card once posted: where it is. */
export interface PostedCard {
  channelId: string;
  messageTs: string;
}

export interface Cards {
  /** The card decided: the same preview as a record, the outcome instead of the buttons. */
  settle(card: PostedCard, preview: ActionPreview, outcome: CardOutcome): Promise<void>;
  /**
   * A message of Lume's own in the card's conversation (its thread, if any), that notifies the person:
   * a card changing in place does not, and an interrupted action's outcome must reach them.
   */
  followUp(card: { channelId: string; threadTs?: string }, text: string): Promise<void>;
  /** Tell only the person who clicked why their click changed nothing; the card is left alone. */
  refuse(to: { channelId: string; slackUserId: string }, text: string): Promise<void>;
  /** The choices decided: the buttons give way to what was picked (its card follows). */
  settleChoices(card: PostedCard, picked: string): Promise<void>;
}

/** The person the agent talks to. */
export interface Person {
  /** How to address them (the system prompt names them). */
  name: string;
  /** Their IANA zone; UTC when the chat does not know it. */
  timeZone: string;
}

export interface People {
  /** Rejects when the chat cannot say right now; the agent then falls back on what it has. */
  person(teamId: string, slackUserId: string): Promise<Person>;
}

export interface ConnectPrompts {
  /**
   * A fresh one-time connect link with `reason`, to this person only: whoever completes the link
   * attaches their Google account to them, so where others can read the conversation it goes
   * `privately`.
   */
  send(to: Conversation, reason: string, opts: { privately: boolean }): Promise<void>;
}

/** The workspace directory (who teammates are), per Slack team. */
export interface Directories {
  of(teamId: string): Directory;
}

export interface AgentPorts {
  deliveries: Deliveries;
  cards: Cards;
  people: People;
  connectPrompts: ConnectPrompts;
  directories: Directories;
}
