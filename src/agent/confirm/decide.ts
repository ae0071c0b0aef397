import type { PendingAction } from '../../../models';
import type { AppContext } from '../../context';
import { DecryptError } from '../../crypto/token-cipher';
import { ErrorCode } from '../../errors';
import type { ActionPreview, Tool } from '../../tools/types';
import type { ConversationMemory } from '../memory/memory-store';
import type { AgentPorts, CardOutcome } from '../ports';
import type { ActionClick } from '../types';
import { executeAction } from './execute-action';
import { outcomeNote } from './outcome-note';
import type { PendingActions, Refusal } from './pending-actions';

export interface DecisionDeps {
  ctx: AppContext;
  actions: PendingActions;
  memory: ConversationMemory;
  toolByName: (name: string) => Tool | undefined;
  ports: AgentPorts;
}

/** How a click ended, for the log: carried out, or the code of why not. */
type ClickOutcome = 'done' | 'failed' | 'cancelled' | 'unreadable' | ErrorCode;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why a click could not decide its card: what the clicker is told, and the code the log keeps. */
const REFUSALS: Record<Exclude<Refusal, 'expired'>, { code: ErrorCode; text: string }> = {
  not_found: { code: ErrorCode.ActionNotFound, text: 'This request no longer exists.' },
  not_yours: {
    code: ErrorCode.ActionNotYours,
    text: 'Only the person who asked can confirm or cancel this.',
  },
  running: { code: ErrorCode.ActionRunning, text: 'This is already being carried out.' },
  recovering: {
    code: ErrorCode.ActionRunning,
    text: 'Lume was interrupted while carrying this out and is checking what happened; the card will say.',
  },
  unknown: {
    code: ErrorCode.ActionOutcomeUnknown,
    text: 'This was confirmed, but Lume was interrupted and cannot tell whether it went through; the card says where to check.',
  },
  done: { code: ErrorCode.ActionDone, text: 'This was already confirmed and carried out.' },
  failed: { code: ErrorCode.ActionFailed, text: 'This was already confirmed (it did not go through).' },
  cancelled: { code: ErrorCode.ActionCancelled, text: 'This was already cancelled.' },
};

/** What a card shows when its stored request no configured key opens (a retired key, rotate-keys not run). */
export const UNREADABLE: ActionPreview = { title: 'This request', fields: [] };
const UNREADABLE_DETAIL =
  'Lume can no longer read this request (the key it was stored with was retired). Nothing was changed; ask again.';

/** The stored request as the card showed it, or null when it can no longer be decrypted. */
export function open(
  actions: PendingActions,
  action: PendingAction,
): { preview: ActionPreview; args: unknown } | null {
  try {
    return { preview: actions.preview(action), args: actions.args(action) };
  } catch (err) {
    if (err instanceof DecryptError) return null;
    throw err;
  }
}

/**
 * Confirm / Cancel on a card. The claim is one conditional UPDATE, so of any number of clicks (double
 * clicks, Slack retries, two app instances) exactly one runs the action; the others are told why not.
 * Every click ends in one "card decided" log line with its outcome.
 */
export async function decide(deps: DecisionDeps, click: ActionClick): Promise<void> {
  let outcome: ClickOutcome | 'error' = 'error';
  try {
    outcome = await decideOnce(deps, click);
  } finally {
    deps.ctx.log.info(
      { actionId: click.actionId, decision: click.decision, by: click.slackUserId, outcome },
      'card decided',
    );
  }
}

async function decideOnce(deps: DecisionDeps, click: ActionClick): Promise<ClickOutcome> {
  const { ctx, actions } = deps;
  if (!UUID.test(click.actionId)) return tell(deps, click, 'not_found');
  const decision =
    click.decision === 'confirm'
      ? await actions.claim(click.actionId, click.teamId, click.slackUserId)
      : await actions.cancel(click.actionId, click.teamId, click.slackUserId);
  if (!decision.ok) {
    if (decision.reason !== 'expired' || !decision.action) return tell(deps, click, decision.reason);
    if (decision.expiredNow) ctx.telemetry.confirmation('expired', decision.action.toolName);
    const preview = open(actions, decision.action)?.preview ?? UNREADABLE;
    await updateCard(deps, decision.action, preview, { kind: 'expired' });
    return ErrorCode.ActionExpired;
  }
  const action = decision.action;
  ctx.telemetry.confirmation(click.decision === 'confirm' ? 'confirmed' : 'cancelled', action.toolName);
  const stored = open(actions, action);
  const preview = stored?.preview ?? UNREADABLE;
  const at = ctx.now();
  if (click.decision === 'cancel') {
    await updateCard(deps, action, preview, { kind: 'cancelled', by: click.slackUserId, at });
    if (stored) await note(deps, action, outcomeNote(preview, { kind: 'cancelled' }));
    return 'cancelled';
  }
  if (!stored) {
    // Claimed but unreadable: close it as failed, so it is not "already being carried out" forever.
    await actions.finish(action, 'failed', { error: 'unreadable' });
    const failed = { kind: 'failed', by: click.slackUserId, at, detail: UNREADABLE_DETAIL } as const;
    await updateCard(deps, action, preview, failed);
    return 'unreadable';
  }
  const run = await executeAction(deps, action, stored.args);
  ctx.telemetry.toolCall(action.toolName, run.ok ? 'ok' : 'error');
  await actions.finish(action, run.ok ? 'done' : 'failed', run.ok ? run.result : { error: run.error });
  await updateCard(
    deps,
    action,
    preview,
    run.ok
      ? { kind: 'done', by: click.slackUserId, at }
      : { kind: 'failed', by: click.slackUserId, at, detail: run.error },
  );
  await note(
    deps,
    action,
    outcomeNote(
      preview,
      run.ok ? { kind: 'done', result: run.result } : { kind: 'failed', error: run.error },
    ),
  );
  return run.ok ? 'done' : 'failed';
}

export async function updateCard(
  deps: DecisionDeps,
  action: PendingAction,
  preview: ActionPreview,
  outcome: CardOutcome,
): Promise<void> {
  if (!action.messageTs) return;
  try {
    await deps.ports.cards.settle(
      { channelId: action.channelId, messageTs: action.messageTs },
      preview,
      outcome,
    );
  } catch (err) {
    deps.ctx.log.warn({ err, actionId: action.id }, 'could not update the card');
  }
}

/** Tell the model next turn what became of its proposal. */
export async function note(
  deps: DecisionDeps,
  action: PendingAction,
  content: ReturnType<typeof outcomeNote>,
) {
  try {
    await deps.memory.appendTo(action.conversationKey, action.userId, [content]);
  } catch (err) {
    deps.ctx.log.warn({ err, actionId: action.id }, 'could not note the outcome');
  }
}

/** A refused click: a reply only the clicker sees, beside the card. The card itself is left alone. */
async function tell(deps: DecisionDeps, click: ActionClick, reason: Refusal): Promise<ErrorCode> {
  const { code, text } = REFUSALS[reason === 'expired' ? 'not_found' : reason];
  if (click.channelId) {
    try {
      await deps.ports.cards.refuse({ channelId: click.channelId, slackUserId: click.slackUserId }, text);
    } catch (err) {
      deps.ctx.log.warn({ err }, 'could not answer the click');
    }
  }
  return code;
}
