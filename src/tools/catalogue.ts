import { hasAnyScope } from '../google/scopes';
import type { Tool } from './types';

/** The tools the agent may offer, and finding the one the model called. */
export interface ToolCatalogue {
  /**
   * The tools one user can use: those whose scopes they granted (any one suffices; none listed means
   * always), and the Maps tools only when a Maps API key is configured.
   */
  toolsFor(grantedScopes: string[], opts: { mapsEnabled: boolean }): Tool[];
  /** A tool by the name the model called it with. */
  toolByName(name: string): Tool | undefined;
}

export function toolCatalogue(tools: readonly Tool[]): ToolCatalogue {
  return {
    toolsFor: (granted, opts) =>
      tools.filter(
        (tool) =>
          (!tool.requiresMaps || opts.mapsEnabled) &&
          (tool.scopes.length === 0 || hasAnyScope(granted, tool.scopes)),
      ),
    toolByName: (name) => tools.find((tool) => tool.name === name),
  };
}
