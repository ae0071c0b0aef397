import type { AgentTelemetry } from '../../telemetry';
import type { ActionPreview, Tool } from '../../tools/types';
import type { Delivery } from '../ports';
import type { ProposalSink } from '../runner/tool-runner';
import type { NewAction, PendingActions } from './pending-actions';

/** Who a proposal belongs to and where its card goes: a pending action minus what the tool call adds. */
export type ProposalOwner = Omit<NewAction, 'toolName' | 'args' | 'preview'> & { timeZone: string };

/** A proposed change becomes a stored pending action and a card in the conversation, nothing more. */
export class CardProposals implements ProposalSink {
  constructor(
    private readonly actions: PendingActions,
    private readonly delivery: Delivery,
    private readonly owner: ProposalOwner,
    private readonly telemetry: Pick<AgentTelemetry, 'confirmation'>,
  ) {}

  async propose(tool: Tool, input: unknown, preview: ActionPreview): Promise<void> {
    const action = await this.actions.create({ ...this.owner, toolName: tool.name, args: input, preview });
    const ts = await this.delivery.card({ actionId: action.id, preview, expiresAt: action.expiresAt });
    if (ts) await this.actions.attachMessage(action.id, ts);
    this.telemetry.confirmation('proposed', tool.name);
  }
}
