import type { z } from 'zod';
import type { User } from '../../models';
import type { GoogleApis } from '../google/apis';
import type { Logger } from '../log';

/** What a tool handler may use. Handlers never read env or globals: everything arrives here. */
export interface ToolContext {
  user: User;
  /** IANA zone from Slack users.info (e.g. America/Los_Angeles). */
  timeZone: string;
  now: () => Date;
  google: GoogleApis;
  /** Present when GOOGLE_MAPS_API_KEY is set. */
  maps?: { apiKey: string; rootUrl?: string };
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

export interface Tool<I extends z.ZodType = z.ZodType> {
  name: string;
  /** When to use it, and what never to guess (ids, addresses, times). */
  description: string;
  input: I;
  /** The tool is declared only when the user granted at least one of these (empty: always). */
  scopes: string[];
  /** True when the tool changes the user's data: it then runs only after the user confirms a card. */
  sideEffect: boolean;
  /** Required when sideEffect: what the confirmation card shows. May read data (e.g. the mail being replied to). */
  preview?: (input: z.infer<I>, ctx: ToolContext) => Promise<ActionPreview> | ActionPreview;
  handler: (input: z.infer<I>, ctx: ToolContext) => Promise<unknown>;
  /** Maps tools: declared only when a Maps API key is configured. */
  requiresMaps?: boolean;
}

/** Tool results and failures are data for the model, never thrown through the agent loop. */
export type ToolResult = { ok: true; data: unknown } | { ok: false; error: string };

export function defineTool<I extends z.ZodType>(tool: Tool<I>): Tool<I> {
  return tool;
}
