import type { FunctionCall, Part } from '@google/genai';
import { isInsufficientScope, needsReconnect } from '../../google/errors';
import type { Logger } from '../../log';
import type { AgentTelemetry, ToolCallOutcome } from '../../telemetry';
import { describeToolError } from '../../tools/errors';
import type { ActionPreview, ChoiceOffer, Tool, ToolContext } from '../../tools/types';
import type { LinkPolicy } from '../link-policy';
import { isAbort } from '../model/errors';
import type { ToolStep } from '../ports';
import { stepSources } from './step-sources';
import { stepTitle } from './step-status';
import { wrapError, wrapOffered, wrapOutput, wrapProposal } from './wrap';

/** Where a proposed change goes: stored as a pending action and shown as a card (see confirm/). */
export interface ProposalSink {
  propose(tool: Tool, input: unknown, preview: ActionPreview): Promise<void>;
}

/** Where a tool's choices go: each stored as a proposal, shown as buttons. False when none could be. */
export interface OfferSink {
  offer(offer: ChoiceOffer): Promise<boolean>;
}

/** Slack shows a step's output in a small space; a longer error is cut. */
const STEP_OUTPUT_MAX = 250;

/** One call's answer for the model, and what its step shows. */
interface Ran {
  response: Record<string, unknown>;
  /** What the call came to, for the tool-call counter. */
  outcome: ToolCallOutcome;
  ok: boolean;
  output?: string;
  data?: unknown;
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
  telemetry: Pick<AgentTelemetry, 'toolCall'>;
  onProgress?: (tools: Tool[]) => void | Promise<void>;
  /** Choices a reading tool offers (absent: they are only described to the model). */
  offers?: OfferSink;
  /** Each call as a thinking step: pending → in progress → complete or error. */
  onSteps?: (steps: ToolStep[]) => Promise<void>;
}

/** Runs the model's function calls for one turn: in parallel, capped, failures returned as data. */
export class ToolRunner {
  private used = 0;
  private stepCount = 0;
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
    const steps = calls.map((call) => {
      const tool = this.byName.get(call.name ?? '');
      return tool && { id: `tool-${++this.stepCount}`, title: stepTitle(tool) };
    });
    await this.step(steps.flatMap((s) => (s ? [{ ...s, status: 'pending' as const }] : [])));
    const responses = await Promise.all(
      calls.map(async (call, i) => {
        if (this.used++ < this.deps.maxCalls) return this.runStep(call, steps[i]);
        this.deps.telemetry.toolCall(this.byName.get(call.name ?? '')?.name ?? 'unknown', 'refused');
        return wrapError('Tool call limit for this question reached. Answer with what you have.');
      }),
    );
    return calls.map((call, i) => ({
      functionResponse: { ...(call.id ? { id: call.id } : {}), name: call.name, response: responses[i] },
    }));
  }

  private async runStep(
    call: FunctionCall,
    step: { id: string; title: string } | undefined,
  ): Promise<Record<string, unknown>> {
    if (step) await this.step([{ ...step, status: 'in_progress' }]);
    const ran = await this.runOne(call);
    this.deps.telemetry.toolCall(this.byName.get(call.name ?? '')?.name ?? 'unknown', ran.outcome);
    if (step) {
      const sources = ran.ok ? stepSources(ran.data, this.byName.get(call.name ?? '')?.linkFields ?? []) : [];
      await this.step([
        {
          ...step,
          status: ran.ok ? 'complete' : 'error',
          ...(ran.output ? { output: ran.output.slice(0, STEP_OUTPUT_MAX) } : {}),
          ...(sources.length ? { sources } : {}),
        },
      ]);
    }
    return ran.response;
  }

  /** The tool's choices as buttons, when it has any; if they cannot be shown the result still stands. */
  private async offer(tool: Tool, data: unknown, input: unknown): Promise<boolean> {
    if (tool.sideEffect || !tool.offer || !this.deps.offers) return false;
    try {
      const offer = tool.offer(data, input, this.deps.ctx);
      return !!offer?.choices.length && (await this.deps.offers.offer(offer));
    } catch (err) {
      this.deps.log.warn({ tool: tool.name, err }, 'could not show the choices');
      return false;
    }
  }

  /** Steps are shown where they can be; a step that cannot be shown never fails the call. */
  private async step(updates: ToolStep[]): Promise<void> {
    if (!updates.length || !this.deps.onSteps) return;
    try {
      await this.deps.onSteps(updates);
    } catch (err) {
      this.deps.log.warn({ err }, 'could not show a thinking step');
    }
  }

  private async runOne(call: FunctionCall): Promise<Ran> {
    const failed = (message: string, outcome: ToolCallOutcome = 'refused'): Ran => ({
      response: wrapError(message),
      outcome,
      ok: false,
      output: message,
    });
    const tool = this.byName.get(call.name ?? '');
    if (!tool) return failed(`There is no tool named "${call.name}". Use only the declared tools.`);
    const parsed = tool.input.safeParse(call.args ?? {});
    if (!parsed.success) return failed(describeToolError(parsed.error, tool));
    try {
      if (tool.sideEffect) {
        const preview = await tool.preview(parsed.data, this.deps.ctx);
        await this.deps.proposals.propose(tool, parsed.data, preview);
        return {
          response: wrapProposal(preview.title),
          outcome: 'proposed',
          ok: true,
          output: 'Waiting for your Confirm',
        };
      }
      const data = await tool.handler(parsed.data, this.deps.ctx);
      this.deps.links.learn(data, tool.linkFields ?? []);
      if (await this.offer(tool, data, parsed.data))
        return { response: wrapOffered(data), outcome: 'ok', ok: true, data, output: 'Choices shown below' };
      return { response: wrapOutput(data), outcome: 'ok', ok: true, data };
    } catch (err) {
      // The grant is gone (the factory already marked the account revoked) or the turn's deadline
      // passed (whatever error the aborted call became): that ends the whole turn instead of going
      // back to the model.
      if (needsReconnect(err) || isAbort(err) || this.deps.ctx.signal?.aborted) {
        this.deps.telemetry.toolCall(tool.name, 'error');
        throw err;
      }
      const message = describeToolError(err, tool);
      // Missing access is shown to the person whatever the model does with it.
      if (isInsufficientScope(err)) this.deps.notices.add(message);
      else this.deps.log.warn({ tool: tool.name, err }, 'tool call failed');
      return failed(message, 'error');
    }
  }
}
