import { randomUUID } from 'node:crypto';
import { Op } from 'sequelize';
import type { Models, PendingAction } from '../../../models';
import type { PendingActionStatus } from '../../../models/pending-action';
import type { Sealer } from '../../crypto/sealer';
import type { ActionPreview } from '../../tools/types';

/** How long a card can be confirmed: long enough to read it, short enough that it cannot be found later. */
export const ACTION_TTL_MS = 15 * 60 * 1000;

export interface NewAction {
  teamId: string;
  slackUserId: string;
  userId: string;
  channelId: string;
  threadTs?: string;
  conversationKey: string;
  /** The zone the preview's times are in; Confirm runs the tool in the same zone. */
  timeZone?: string;
  toolName: string;
  args: unknown;
  preview: ActionPreview;
}

export type Refusal =
  | 'not_found'
  | 'not_yours'
  | 'expired'
  | Exclude<PendingActionStatus, 'pending' | 'expired'>;
export type Decision =
  | { ok: true; action: PendingAction }
  | {
      ok: false;
      reason: Refusal;
      action?: PendingAction;
      /** This click is the one that found the request expired (later clicks, and housekeeping, do not). */
      expiredNow?: boolean;
    };

/** Where a pending action's values are sealed: bound to its row and column. */
export const actionContext = (action: { id: string }, column: 'args' | 'preview' | 'result') => ({
  table: 'pending_actions',
  column,
  row: action.id,
});

/** Proposed changes waiting for a click. Every state change is one conditional UPDATE, so it happens once. */
export class PendingActions {
  constructor(
    private readonly models: Models,
    private readonly sealer: Sealer,
    private readonly now: () => Date,
  ) {}

  async create(a: NewAction): Promise<PendingAction> {
    const id = randomUUID();
    return this.models.PendingAction.create({
      id,
      teamId: a.teamId,
      slackUserId: a.slackUserId,
      userId: a.userId,
      channelId: a.channelId,
      threadTs: a.threadTs ?? null,
      conversationKey: a.conversationKey,
      messageTs: null,
      toolName: a.toolName,
      timeZone: a.timeZone ?? null,
      argsEnc: this.sealer.seal(a.args, actionContext({ id }, 'args')),
      previewEnc: this.sealer.seal(a.preview, actionContext({ id }, 'preview')),
      status: 'pending',
      expiresAt: new Date(this.now().getTime() + ACTION_TTL_MS),
      resultEnc: null,
      decidedAt: null,
    });
  }

  async attachMessage(id: string, messageTs: string): Promise<void> {
    await this.models.PendingAction.update({ messageTs }, { where: { id } });
  }

  /** Pending → running for its own user, before expiry. Exactly one of any number of clicks wins. */
  claim(id: string, teamId: string, slackUserId: string): Promise<Decision> {
    return this.decide(id, teamId, slackUserId, 'running');
  }

  cancel(id: string, teamId: string, slackUserId: string): Promise<Decision> {
    return this.decide(id, teamId, slackUserId, 'cancelled');
  }

  async finish(action: PendingAction, status: 'done' | 'failed', result: unknown): Promise<void> {
    const resultEnc = this.sealer.seal(result, actionContext(action, 'result'));
    await this.models.PendingAction.update(
      { status, resultEnc },
      { where: { id: action.id, status: 'running' } },
    );
  }

  args(action: PendingAction): unknown {
    return this.sealer.open(action.argsEnc, actionContext(action, 'args'));
  }

  preview(action: PendingAction): ActionPreview {
    return this.sealer.open<ActionPreview>(action.previewEnc, actionContext(action, 'preview'));
  }

  /**
   * Housekeeping: a day after expiry no card can use a row any more (the outcome is on the card).
   * Requests nobody ever answered are told to `unanswered`, per tool, before they go.
   */
  async purgeStale(unanswered?: (toolName: string, count: number) => void): Promise<number> {
    const cutoff = new Date(this.now().getTime() - ACTION_TTL_MS - 24 * 3600_000);
    const stale = { expiresAt: { [Op.lt]: cutoff } };
    if (unanswered) {
      // Still pending a day after expiry: nobody clicked, so no click counted it as expired.
      const rows = await this.models.PendingAction.findAll({
        attributes: ['toolName'],
        where: { ...stale, status: 'pending' },
      });
      const byTool = new Map<string, number>();
      for (const r of rows) byTool.set(r.toolName, (byTool.get(r.toolName) ?? 0) + 1);
      for (const [tool, n] of byTool) unanswered(tool, n);
    }
    return this.models.PendingAction.destroy({ where: stale });
  }

  private async decide(
    id: string,
    teamId: string,
    slackUserId: string,
    to: 'running' | 'cancelled',
  ): Promise<Decision> {
    const now = this.now();
    const [count] = await this.models.PendingAction.update(
      { status: to, decidedAt: now },
      { where: { id, teamId, slackUserId, status: 'pending', expiresAt: { [Op.gt]: now } } },
    );
    const action = await this.models.PendingAction.findByPk(id);
    if (count === 1 && action) return { ok: true, action };
    if (!action) return { ok: false, reason: 'not_found' };
    if (action.teamId !== teamId || action.slackUserId !== slackUserId)
      return { ok: false, reason: 'not_yours', action };
    if (action.status === 'pending') {
      const [expired] = await this.models.PendingAction.update(
        { status: 'expired' },
        { where: { id, status: 'pending' } },
      );
      return { ok: false, reason: 'expired', action, expiredNow: expired === 1 };
    }
    return { ok: false, reason: action.status as Refusal, action };
  }
}
