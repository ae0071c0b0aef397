import type { FunctionCall, Part } from '@google/genai';
import { isInsufficientScope, needsReconnect } from '../../google/errors';
import type { Logger } from '../../log';
import type { AgentTelemetry, ToolCallOutcome } from '../../telemetry';
import { describeToolError } from '../../tools/errors';
import type { ActionPreview, Tool, ToolContext } from '../../tools/types';
import type { LinkPolicy } from '../link-policy';
import { isAbort } from '../model/errors';
import { wrapError, wrapOutput, wrapProposal } from './wrap';

/** Where a proposed change goes: stored as a pending action and shown as a card (see confirm/). */
export interface ProposalSink {
  propose(tool: Tool, input: unknown, preview: ActionPreview): Promise<void>;
}

export interface ToolRunnerDeps {
  /** Only the tools declared to the model this turn; anything else is refused. */
  tools: Tool[];
  ctx: ToolContext;
  links: LinkPolicy;
  /** Lines the user must see whatever the model says (e.g. a missing scope). */
  notices: Set<string>;
  proposals: ProposalSink;
  maxCalls: number;
  log: Logger;
  /** Hears how each call ended (by the declared tool's name; `unknown` for a name the model made up). */
  telemetry: Pick<AgentTelemetry, 'toolCall'>;
  onProgress?: (tools: Tool[]) => void | Promise<void>;
}

/** Runs the model's function calls for one turn: in parallel, capped, failures returned as data. */
export class ToolRunner {
  private used = 0;
  private readonly byName: Map<string, Tool>;

  constructor(private readonly deps: ToolRunnerDeps) {
    this.byName = new Map(deps.tools.map((t) => [t.name, t]));
  }

  /** True once the turn's tool-call budget is spent: the next step must answer without tools. */
  get exhausted(): boolean {
    return this.used >= this.deps.maxCalls;
  }

  get callsMade(): number {
    return this.used;
  }

  async runAll(calls: FunctionCall[]): Promise<Part[]> {
    const known = calls.flatMap((c) => this.byName.get(c.name ?? '') ?? []);
    if (known.length) await this.deps.onProgress?.(known);
    const responses = await Promise.all(
      calls.map(async (call) => {
        const ran =
          this.used++ < this.deps.maxCalls
            ? await this.runOne(call)
            : {
                outcome: 'refused' as const,
                response: wrapError('Tool call limit for this question reached. Answer with what you have.'),
              };
        const tool = this.byName.get(call.name ?? '');
        this.deps.telemetry.toolCall(tool?.name ?? 'unknown', ran.outcome);
        return ran.response;
      }),
    );
    return calls.map((call, i) => ({
      functionResponse: { ...(call.id ? { id: call.id } : {}), name: call.name, response: responses[i] },
    }));
  }

  private async runOne(
    call: FunctionCall,
  ): Promise<{ outcome: ToolCallOutcome; response: Record<string, unknown> }> {
    const refused = (message: string) => ({ outcome: 'refused' as const, response: wrapError(message) });
    const tool = this.byName.get(call.name ?? '');
    if (!tool) return refused(`There is no tool named "${call.name}". Use only the declared tools.`);
    const parsed = tool.input.safeParse(call.args ?? {});
    if (!parsed.success) return refused(describeToolError(parsed.error, tool));
    try {
      if (tool.sideEffect) {
        const preview = await tool.preview(parsed.data, this.deps.ctx);
        await this.deps.proposals.propose(tool, parsed.data, preview);
        return { outcome: 'proposed', response: wrapProposal(preview.title) };
      }
      const data = await tool.handler(parsed.data, this.deps.ctx);
      this.deps.links.addFromData(data);
      return { outcome: 'ok', response: wrapOutput(data) };
    } catch (err) {
      // The grant is gone (the factory already marked the account revoked) or the turn's deadline
      // passed: that ends the whole turn instead of going back to the model.
      if (needsReconnect(err) || isAbort(err)) {
        this.deps.telemetry.toolCall(tool.name, 'error');
        throw err;
      }
      const message = describeToolError(err, tool);
      // Missing access is shown to the person whatever the model does with it.
      if (isInsufficientScope(err)) this.deps.notices.add(message);
      else this.deps.log.warn({ tool: tool.name, err }, 'tool call failed');
      return { outcome: 'error', response: wrapError(message) };
    }
  }
}
