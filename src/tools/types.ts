import type { z } from 'zod';
import type { User } from '../../models';
import type { GoogleApis } from '../google/apis';
import type { GoogleCallRecorder } from '../google/observe-calls';
import type { Logger } from '../log';

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
}

/** A card line shown before a data-changing tool runs, so the user sees exactly what will happen. */
export interface ActionPreview {
  /** e.g. "Send email", "Create event". */
  title: string;
  fields: { label: string; value: string }[];
  /** Longer text shown in full (an email body, an event description). */
  body?: string;
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
}

/**
 * A tool that reads, or one that changes the user's data. A changing tool runs only after the user
 * confirms a card, so the type demands the `preview` that card shows (it may read data, e.g. the
 * mail being replied to); there is no generic fallback card.
 */
export type ReadTool<I extends z.ZodType = z.ZodType> = ToolBase<I> & {
  sideEffect: false;
  preview?: undefined;
};
export type ChangeTool<I extends z.ZodType = z.ZodType> = ToolBase<I> & {
  sideEffect: true;
  preview(input: z.infer<I>, ctx: ToolContext): Promise<ActionPreview> | ActionPreview;
};
export type Tool<I extends z.ZodType = z.ZodType> = ReadTool<I> | ChangeTool<I>;

/** Tool results and failures are data for the model, never thrown through the agent loop. */
export type ToolResult = { ok: true; data: unknown } | { ok: false; error: string };

export function defineTool<I extends z.ZodType>(tool: ChangeTool<I>): ChangeTool<I>;
export function defineTool<I extends z.ZodType>(tool: ReadTool<I>): ReadTool<I>;
export function defineTool<I extends z.ZodType>(tool: Tool<I>): Tool<I> {
  return tool;
}
