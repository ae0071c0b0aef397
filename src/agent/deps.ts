import type { AppContext } from '../context';
import type { PerMinuteLimiter } from '../rate-limit';
import type { ToolCatalogue } from '../tools/catalogue';
import type { PendingActions } from './confirm/pending-actions';
import type { ConversationMemory } from './memory/memory-store';
import type { ModelClient } from './model/types';
import type { AgentPorts } from './ports';

/** Everything a turn or a card click needs, built once by createAgent. */
export interface AgentDeps {
  ctx: AppContext;
  /** Absent without GEMINI_API_KEY: the agent then says it is not configured. */
  model?: ModelClient;
  /** src/tools in production, a test's own tools in specs. */
  tools: ToolCatalogue;
  memory: ConversationMemory;
  actions: PendingActions;
  limiter: PerMinuteLimiter;
  /** How the agent reaches the chat it lives in (src/slack implements them). */
  ports: AgentPorts;
}
