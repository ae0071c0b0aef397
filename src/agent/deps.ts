import type { AppContext } from '../context';
import type { PerMinuteLimiter } from '../rate-limit';
import type { Tool } from '../tools/types';
import type { PendingActions } from './confirm/pending-actions';
import type { ConversationMemory } from './memory/memory-store';
import type { ModelClient } from './model/types';

/** The tool catalogue as the agent uses it (src/tools in production, a test's own tools in specs). */
export interface ToolCatalogue {
  toolsFor(grantedScopes: string[], opts: { mapsEnabled: boolean }): Tool[];
  toolByName(name: string): Tool | undefined;
}

/** Everything a turn or a card click needs, built once by createAgent. */
export interface AgentDeps {
  ctx: AppContext;
  /** Absent without GEMINI_API_KEY: the agent then says it is not configured. */
  model?: ModelClient;
  tools: ToolCatalogue;
  memory: ConversationMemory;
  actions: PendingActions;
  limiter: PerMinuteLimiter;
}
