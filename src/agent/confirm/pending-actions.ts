import { randomUUID } from 'node:crypto';
import { Op } from 'sequelize';
import type { Models, PendingAction } from '../../../models';
import type { PendingActionStatus } from '../../../models/pending-action';
import type { Sealer } from '../../crypto/sealer';
import type { ActionPreview } from '../../tools/types';

/** How long a card can be confirmed: long enough to read it, short enough that it cannot be found later. */
export const ACTION_TTL_MS = 15 * 60 * 1000;

/**
 * How long a claimed run may go without an outcome before Lume takes it for dead: the run's own
 * deadline (it is aborted then), plus a minute to write the outcome.
 */
export const runLeaseMs = (turnTimeoutMs: number) => turnTimeoutMs + 60_000;

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
  /** Set for proposals offered together as choices: the card is shown only once one is picked. */
  offerId?: string;
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

/** Why a pick showed no card: the choice is gone, someone else's, or already decided. */
export type PickRefusal = 'not_found' | 'not_yours' | 'expired' | 'picked' | 'other_picked';

/** While a picked choice's card is being posted, before its message ts is known. */
const SHOWING = '-';

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
      offerId: a.offerId ?? null,
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

  /**
   * A choice picked: its card may now be shown, and it can be confirmed for a fresh ACTION_TTL_MS.
   * One conditional UPDATE, so of two quick clicks (or a retry) one shows the card; the offer's
   * other choices are cancelled.
   */
  async reveal(
    id: string,
    teamId: string,
    slackUserId: string,
  ): Promise<{ ok: true; action: PendingAction } | { ok: false; reason: PickRefusal }> {
    const now = this.now();
    const [count] = await this.models.PendingAction.update(
      { messageTs: SHOWING, expiresAt: new Date(now.getTime() + ACTION_TTL_MS) },
      {
        where: {
          id,
          teamId,
          slackUserId,
          status: 'pending',
          messageTs: null,
          offerId: { [Op.ne]: null },
          expiresAt: { [Op.gt]: now },
        },
      },
    );
    const action = await this.models.PendingAction.findByPk(id);
    if (!action?.offerId) return { ok: false, reason: 'not_found' };
    if (action.teamId !== teamId || action.slackUserId !== slackUserId)
      return { ok: false, reason: 'not_yours' };
    if (count !== 1) {
      if (action.status === 'cancelled' && !action.messageTs) return { ok: false, reason: 'other_picked' };
      if (action.messageTs || action.status !== 'pending') return { ok: false, reason: 'picked' };
      return { ok: false, reason: 'expired' };
    }
    await this.models.PendingAction.update(
      { status: 'cancelled', decidedAt: now },
      { where: { offerId: action.offerId, id: { [Op.ne]: id }, status: 'pending' } },
    );
    return { ok: true, action };
  }

  /** The picked choice's card is posted (ts), or could not be (null: it may be picked again). */
  async shown(id: string, messageTs: string | null): Promise<void> {
    await this.models.PendingAction.update({ messageTs }, { where: { id, messageTs: SHOWING } });
  }

  /** Pending → running for its own user, before expiry. Exactly one of any number of clicks wins. */
  claim(id: string, teamId: string, slackUserId: string): Promise<Decision> {
    return this.decide(id, teamId, slackUserId, 'running');
  }

  cancel(id: string, teamId: string, slackUserId: string): Promise<Decision> {
    return this.decide(id, teamId, slackUserId, 'cancelled');
  }

  /** Running → its outcome. False when the run no longer holds it (the recovery sweep took it over). */
  async finish(
    action: PendingAction,
    status: 'done' | 'failed' | 'unknown',
    result: unknown,
    from: 'running' | 'recovering' = 'running',
  ): Promise<boolean> {
    const resultEnc = this.sealer.seal(result, actionContext(action, 'result'));
    const [count] = await this.models.PendingAction.update(
      { status, resultEnc },
      { where: { id: action.id, status: from } },
    );
    return count === 1;
  }

  /** Runs claimed before `cutoff` that never finished: their process died, or could not write the outcome. */
  stalled(cutoff: Date, limit = 20): Promise<PendingAction[]> {
    return this.models.PendingAction.findAll({
      where: { status: ['running', 'recovering'], decidedAt: { [Op.lt]: cutoff } },
      order: [['decidedAt', 'ASC']],
      limit,
    });
  }

  /**
   * Take a stalled run over for recovery, once across instances: one conditional UPDATE that also
   * renews the lease (decidedAt), so a second sweep's UPDATE matches nothing, and a sweep that dies
   * in turn is taken over after another lease.
   */
  async takeOver(action: PendingAction, cutoff: Date): Promise<PendingAction | null> {
    const [count] = await this.models.PendingAction.update(
      { status: 'recovering', decidedAt: this.now() },
      { where: { id: action.id, status: ['running', 'recovering'], decidedAt: { [Op.lt]: cutoff } } },
    );
    return count === 1 ? this.models.PendingAction.findByPk(action.id) : null;
  }

  args(action: PendingAction): unknown {
    return this.sealer.open(action.argsEnc, actionContext(action, 'args'));
  }

  preview(action: PendingAction): ActionPreview {
    return this.sealer.open<ActionPreview>(action.previewEnc, actionContext(action, 'preview'));
  }

  /** The preview a card was made from, for its own person only; null for anyone else or an unreadable one. */
  async requestOf(ask: {
    actionId: string;
    teamId: string;
    slackUserId: string;
  }): Promise<ActionPreview | null> {
    if (!/^[0-9a-f-]{36}$/i.test(ask.actionId)) return null;
    const action = await this.models.PendingAction.findByPk(ask.actionId);
    if (!action || action.teamId !== ask.teamId || action.slackUserId !== ask.slackUserId) return null;
    try {
      return this.preview(action);
    } catch {
      return null;
    }
  }

  /** A person left: their cards can never be confirmed (one Slack identity's, or the whole account's). */
  forget(userId: string, slack?: { teamId: string; slackUserId: string }): Promise<number> {
    return this.models.PendingAction.destroy({ where: { userId, ...(slack ?? {}) } });
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
      {
        where: {
          id,
          teamId,
          slackUserId,
          status: 'pending',
          expiresAt: { [Op.gt]: now },
          // A choice is confirmed on its card, never straight from the list of choices.
          [Op.or]: [{ offerId: null }, { messageTs: { [Op.notIn]: [SHOWING] } }],
        },
      },
    );
    const action = await this.models.PendingAction.findByPk(id);
    if (count === 1 && action) return { ok: true, action };
    if (!action || (action.offerId && (!action.messageTs || action.messageTs === SHOWING)))
      return { ok: false, reason: 'not_found' };
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
