import type { z } from 'zod';
import type { User } from '../../models';
import type { GoogleApis } from '../google/apis';
import type { GoogleCallRecorder } from '../google/observe-calls';
import type { Logger } from '../log';
import type { Team } from './lib/directory';

/** What a tool handler may use. Handlers never read env or globals: everything arrives here. */
export interface ToolContext {
  user: User;
  /** IANA zone from Slack users.info (e.g. America/Los_Angeles). */
  timeZone: string;
  now: () => Date;
  google: GoogleApis;
  /** Present when GOOGLE_MAPS_API_KEY is set; `calls` hears about each Maps request (metrics). */
  maps?: { apiKey: string; rootUrl?: string; calls?: GoogleCallRecorder };
  log: Logger;
  signal?: AbortSignal;
  /** The person's teammates (Slack's directory, their Lume links); absent outside Slack. */
  team?: Team;
  /**
   * Set when a confirmed card's action runs (and when Lume later finds out what became of it): its
   * id, and the Message-ID every mail it sends carries, so Gmail can be asked whether it went out.
   */
  action?: ConfirmedAction;
}

export interface ConfirmedAction {
  id: string;
  /** `<…@…>`, the same for the run and for its recovery. */
  messageId: string;
  /** When its card was made: nothing it sent is older. */
  notBefore: Date;
}

/** What Lume found out about a confirmed action whose run was interrupted (the process died mid-way). */
export type Recovered = { done: true; result: unknown } | { done: false };

/** A card line shown before a data-changing tool runs, so the user sees exactly what will happen. */
export interface ActionPreview {
  /** e.g. "Send email", "Create event". */
  title: string;
  fields: { label: string; value: string }[];
  /** Longer text shown in full (an email body, an event description). */
  body?: string;
  /** What to look at twice before confirming (a look-alike address, invisible characters…), shown first. */
  warnings?: string[];
}

/**
 * Choices a reading tool puts in front of the person as buttons. Picking one proposes `toolName`
 * with that choice's input, through the usual Confirm card: a choice changes nothing by itself.
 */
export interface ChoiceOffer {
  /** The line above the buttons ("Pick a time for “Sync” with Grace and Eve"). */
  prompt: string;
  /** A tool that changes data (its preview is the card a pick shows). */
  toolName: string;
  /** At most three; `label` is the button's text. */
  choices: { label: string; input: unknown }[];
}

interface ToolBase<I extends z.ZodType> {
  name: string;
  /** When to use it, and what never to guess (ids, addresses, times). */
  description: string;
  input: I;
  /** The tool is declared only when the user granted at least one of these (empty: always). */
  scopes: string[];
  handler(input: z.infer<I>, ctx: ToolContext): Promise<unknown>;
  /** Maps tools: declared only when a Maps API key is configured. */
  requiresMaps?: boolean;
  /**
   * Result fields (by name, at any depth) whose values are links Google or Lume made — an event's
   * htmlLink, a place's Maps page — never text someone wrote. Only these may become links in an
   * answer (agent/link-policy.ts); a URL anywhere else in the result is shown defused.
   */
  linkFields?: readonly string[];
}

/**
 * A tool that reads, or one that changes the user's data. A changing tool runs only after the user
 * confirms a card, so the type demands the `preview` that card shows (it may read data, e.g. the
 * mail being replied to); there is no generic fallback card.
 */
export type ReadTool<I extends z.ZodType = z.ZodType> = ToolBase<I> & {
  sideEffect: false;
  preview?: undefined;
  /** Buttons to show beside the result (e.g. meeting times to pick), from what the handler returned. */
  offer?(output: unknown, input: z.infer<I>, ctx: ToolContext): ChoiceOffer | undefined;
};
export type ChangeTool<I extends z.ZodType = z.ZodType> = ToolBase<I> & {
  sideEffect: true;
  preview(input: z.infer<I>, ctx: ToolContext): Promise<ActionPreview> | ActionPreview;
  /**
   * Whether an interrupted run went through, asked of Google without changing anything (mail: is a
   * message with the action's Message-ID in Gmail?). Without it, Lume tells the person it cannot
   * know and where to look; it never runs the action again on a guess.
   */
  recover?(input: z.infer<I>, ctx: ToolContext & { action: ConfirmedAction }): Promise<Recovered>;
};
export type Tool<I extends z.ZodType = z.ZodType> = ReadTool<I> | ChangeTool<I>;

/** Tool results and failures are data for the model, never thrown through the agent loop. */
export type ToolResult = { ok: true; data: unknown } | { ok: false; error: string };

export function defineTool<I extends z.ZodType>(tool: ChangeTool<I>): ChangeTool<I>;
export function defineTool<I extends z.ZodType>(tool: ReadTool<I>): ReadTool<I>;
export function defineTool<I extends z.ZodType>(tool: Tool<I>): Tool<I> {
  return tool;
}
