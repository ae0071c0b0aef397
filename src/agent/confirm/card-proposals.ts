import { confirmCard } from '../../slack/blocks/confirm-card';
import type { ActionPreview, Tool } from '../../tools/types';
import type { Delivery } from '../delivery';
import type { ProposalSink } from '../tools/tool-runner';
import type { PendingActions } from './pending-actions';

export interface ProposalOwner {
  teamId: string;
  slackUserId: string;
  userId: string;
  channelId: string;
  threadTs?: string;
  conversationKey: string;
  /** The zone the turn's tools (and so the card's preview) use. */
  timeZone: string;
}

/** A proposed change becomes a stored pending action and a card in the conversation, nothing more. */
export class CardProposals implements ProposalSink {
  constructor(
    private readonly actions: PendingActions,
    private readonly delivery: Delivery,
    private readonly owner: ProposalOwner,
  ) {}

  async propose(tool: Tool, input: unknown, preview: ActionPreview): Promise<void> {
    const action = await this.actions.create({ ...this.owner, toolName: tool.name, args: input, preview });
    const ts = await this.delivery.card(
      confirmCard({ actionId: action.id, preview, expiresAt: action.expiresAt }),
    );
    if (ts) await this.actions.attachMessage(action.id, ts);
  }
}
