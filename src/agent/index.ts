import type { AppContext } from '../context';
import { Sealer } from '../crypto/sealer';
import { PerMinuteLimiter } from '../rate-limit';
import { allTools } from '../tools';
import { toolCatalogue } from '../tools/catalogue';
import type { Tool } from '../tools/types';
import { decide } from './confirm/decide';
import { PendingActions } from './confirm/pending-actions';
import { pick } from './confirm/pick';
import { recoverStalled } from './confirm/recover-stalled';
import type { AgentDeps } from './deps';
import { ConversationMemory, DEFAULT_MEMORY, type MemoryLimits } from './memory/memory-store';
import { createGeminiModel } from './model/gemini';
import { DEFAULT_RETRY, type RetryClock, type RetryPolicy, realClock } from './model/retry';
import type { ModelClient } from './model/types';
import type { AgentPorts } from './ports';
import { handleTurn } from './turn';
import type { Agent } from './types';

export type { AgentPorts } from './ports';
export type { ActionClick, Agent, AgentTurnInput, ChoiceClick } from './types';

export interface AgentOptions {
  /** Replace the catalogue (tests); default: every tool in src/tools. */
  tools?: Tool[];
  /** Replace the model client (default: Gemini from config.gemini). */
  model?: ModelClient;
  retry?: RetryPolicy;
  /** Backoff clock; tests record waits instead of sleeping. */
  clock?: RetryClock;
  memory?: Partial<MemoryLimits>;
}

/** Build the agent: Gemini (when configured), the tool catalogue, memory, cards and limits, on the chat's ports. */
export function createAgent(ctx: AppContext, ports: AgentPorts, options: AgentOptions = {}): Agent {
  const sealer = new Sealer(ctx.cipher);
  const { apiKey, model, baseUrl } = ctx.config.gemini;
  const deps: AgentDeps = {
    ctx,
    model:
      options.model ??
      (apiKey
        ? createGeminiModel(
            { apiKey, model, baseUrl },
            ctx.log,
            options.retry ?? DEFAULT_RETRY,
            options.clock ?? realClock,
          )
        : undefined),
    tools: toolCatalogue(options.tools ?? allTools),
    memory: new ConversationMemory(ctx.db.models, sealer, ctx.log, ctx.now, {
      ...DEFAULT_MEMORY,
      ...options.memory,
    }),
    actions: new PendingActions(ctx.db.models, sealer, ctx.now),
    limiter: new PerMinuteLimiter(ctx.config.agent.turnsPerMinute, ctx.now),
    ports,
  };
  const decisions = { ...deps, toolByName: deps.tools.toolByName };
  return {
    handle: (turn) => handleTurn(deps, turn),
    decide: (click) => decide(decisions, click),
    request: (ask) => deps.actions.requestOf(ask),
    recoverStalledActions: () => recoverStalled(decisions),
    pick: (click) => pick(deps, click),
  };
}
