import { hasAnyScope } from '../google/scopes';
import { currentTime } from './current-time';
import type { Tool } from './types';

export type { ActionPreview, Tool, ToolContext, ToolResult } from './types';

/** Every tool Lume has. The agent declares a subset of them to the model (see toolsFor). */
export const allTools: Tool[] = [currentTime];

/**
 * The tools one user can use: those whose scopes they granted (any one suffices; none listed means
 * always), and the Maps tools only when a Maps API key is configured.
 */
export function toolsFor(grantedScopes: string[], opts: { mapsEnabled: boolean }): Tool[] {
  return allTools.filter(
    (tool) =>
      (!tool.requiresMaps || opts.mapsEnabled) &&
      (tool.scopes.length === 0 || hasAnyScope(grantedScopes, tool.scopes)),
  );
}

/** A tool by the name the model called it with. */
export function toolByName(name: string): Tool | undefined {
  return allTools.find((tool) => tool.name === name);
}
