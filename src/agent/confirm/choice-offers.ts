import { randomUUID } from 'node:crypto';
import type { ChoiceOffer, Tool, ToolContext } from '../../tools/types';
import type { Delivery } from '../ports';
import type { OfferSink } from '../runner/tool-runner';
import type { ProposalOwner } from './card-proposals';
import type { PendingActions } from './pending-actions';

/** Slack's actions block holds more, but three choices are what a person weighs at a glance. */
export const MAX_CHOICES = 3;

/**
 * A tool's choices become one stored proposal each — the same pending action, preview and Confirm
 * card as any change — sharing an offer id, and one message of buttons. Nothing is shown as a card
 * until the person picks; picking one retires the others (PendingActions.reveal).
 */
export class ChoiceOffers implements OfferSink {
  constructor(
    private readonly actions: PendingActions,
    private readonly delivery: Delivery,
    private readonly owner: ProposalOwner,
    /** The tools declared this turn: a choice may only propose one of those. */
    private readonly tools: Tool[],
    private readonly ctx: ToolContext,
  ) {}

  async offer(offer: ChoiceOffer): Promise<boolean> {
    const tool = this.tools.find((t) => t.name === offer.toolName);
    if (!tool?.sideEffect) return false;
    // Every choice is checked and previewed before any is stored: an offer is shown whole or not at all.
    const planned = await Promise.all(
      offer.choices.slice(0, MAX_CHOICES).map(async (choice) => {
        const input = tool.input.parse(choice.input);
        return { label: choice.label, input, preview: await tool.preview(input, this.ctx) };
      }),
    );
    const offerId = randomUUID();
    const options: { actionId: string; label: string }[] = [];
    let expiresAt = new Date(0);
    for (const p of planned) {
      const action = await this.actions.create({
        ...this.owner,
        toolName: tool.name,
        args: p.input,
        preview: p.preview,
        offerId,
      });
      options.push({ actionId: action.id, label: p.label });
      expiresAt = action.expiresAt;
    }
    await this.delivery.choices({ prompt: offer.prompt, options, expiresAt });
    return true;
  }
}
