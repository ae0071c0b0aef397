import { ZodError } from 'zod';
import { ErrorCode, LumeError } from '../errors';
import { GoogleNotConnectedError, httpStatusOf, isInsufficientScope, isInvalidGrant } from '../google/errors';
import { SCOPE_AREAS } from '../google/scopes';
import type { Tool } from './types';

/**
 * Failures a tool explains itself (bad ids, missing data): their message is safe and useful to
 * show the model as is.
 */
export class ToolInputError extends LumeError {
  constructor(message: string) {
    super(ErrorCode.ToolInput, message);
  }
}

/**
 * "Gmail (send)" etc.: the product area(s) closest to a tool's scopes (by overlap over union), so
 * send_email names Gmail (send) even though gmail.modify also belongs to reading and organising.
 */
export function areasOf(tool: Pick<Tool, 'scopes'> | undefined): string[] {
  if (!tool?.scopes.length) return [];
  const scored = SCOPE_AREAS.map((a) => {
    const shared = a.anyOf.filter((s) => tool.scopes.includes(s)).length;
    return { area: a.area, score: shared / new Set([...a.anyOf, ...tool.scopes]).size };
  }).filter((a) => a.score > 0);
  const best = Math.max(...scored.map((a) => a.score));
  return scored.filter((a) => a.score === best).map((a) => a.area);
}

/** "Lume needs access to Calendar — run `/lume connect` to grant it", for a tool whose scopes are missing. */
export function needsAccessMessage(tool: Pick<Tool, 'scopes'> | undefined): string {
  const areas = areasOf(tool).join(' / ') || 'this part of your Google account';
  return `Lume needs access to ${areas} — run \`/lume connect\` to grant it.`;
}

function googleMessage(err: unknown): string {
  const data = (err as { response?: { data?: { error?: { message?: unknown } | string } } }).response?.data;
  const message = typeof data?.error === 'object' ? data.error.message : undefined;
  return typeof message === 'string' ? message.slice(0, 200) : '';
}

const mapsKeyRefused = (err: unknown) =>
  /API key|API_KEY_INVALID/i.test(
    JSON.stringify((err as { response?: { data?: unknown } }).response?.data ?? ''),
  );

/**
 * A failed tool call as one sentence for the model (and so for the user). It never carries a stack
 * or a token; the caller logs the error itself. The agent loop returns this as `{ error }` data.
 */
export function describeToolError(err: unknown, tool?: Pick<Tool, 'name' | 'scopes'>): string {
  if (err instanceof ZodError) {
    return `Invalid arguments: ${err.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}`;
  }
  if (err instanceof ToolInputError) return err.message;
  if (err instanceof GoogleNotConnectedError)
    return 'No Google account is connected — run `/lume connect` to link one.';
  if (isInvalidGrant(err)) return 'Google access was revoked — run `/lume connect` to reconnect.';
  if (isInsufficientScope(err)) return needsAccessMessage(tool);
  if ((err as { name?: string }).name === 'AbortError')
    return 'The request was cancelled because it took too long.';
  const status = httpStatusOf(err);
  if ((status === 400 || status === 403) && mapsKeyRefused(err)) {
    return "Google refused Lume's Maps API key; an admin needs to check GOOGLE_MAPS_API_KEY.";
  }
  switch (status) {
    case 401:
      return "Google did not accept Lume's access; if this keeps happening, run `/lume connect` again.";
    case 404:
      return 'Not found: the id may be wrong or the item was deleted. Look it up again rather than guessing an id.';
    case 410:
      return 'That item has already been deleted.';
    case 429:
      return 'Google is rate-limiting requests right now; try again in a minute.';
    case 400:
    case 403:
    case 409:
    case 412:
      return `Google refused the request${googleMessage(err) ? `: ${googleMessage(err)}` : '.'}`;
  }
  if (status && status >= 500) return 'Google had a temporary problem; try again shortly.';
  return `Something went wrong in ${tool?.name ?? 'the tool'}.`;
}
