import type { PendingAction } from '../../../models';
import { SCOPES } from '../../google/scopes';
import type { Recovered, Tool } from '../../tools/types';
import type { CardOutcome } from '../ports';
import { type DecisionDeps, note, open, UNREADABLE, updateCard } from './decide';
import { accountFor, actionContext, confirmedAction } from './execute-action';
import { outcomeNote } from './outcome-note';
import { runLeaseMs } from './pending-actions';

/** Past this, an action whose outcome Google still cannot be asked about is settled as unknown. */
const GIVE_UP_MS = 24 * 3600_000;

/** Where the person can see for themselves whether a tool's change happened. */
function whereToCheck(tool: Tool | undefined): string {
  const scopes = tool?.scopes ?? [];
  if (scopes.some((s) => s.includes('gmail'))) return 'your Gmail (Sent and Drafts)';
  if (scopes.includes(SCOPES.calendar) || scopes.includes(SCOPES.calendarEvents))
    return 'your Google Calendar';
  if (scopes.includes(SCOPES.tasks)) return 'Google Tasks';
  return 'your Google account';
}

/**
 * No action in limbo. A confirmed action whose process died between the claim and the outcome (a
 * crash, a deploy, a database that would not take the write) stays `running`; once its lease has
 * passed, this takes it over — once, across instances — and finds out what happened without doing
 * it again: a mail is looked for in Gmail by the Message-ID Lume gave it (the tool's `recover`).
 * The card is settled with the answer, the person is told in the conversation, and the model hears
 * it next turn. What Google cannot be asked about is said to be unknown, with where to look. Returns
 * how many actions it settled.
 */
export async function recoverStalled(deps: DecisionDeps): Promise<number> {
  const { ctx, actions } = deps;
  const cutoff = new Date(ctx.now().getTime() - runLeaseMs(ctx.config.agent.turnTimeoutMs));
  let settled = 0;
  for (const stale of await actions.stalled(cutoff)) {
    const action = await actions.takeOver(stale, cutoff);
    if (!action) continue; // another instance took it
    try {
      if (await recoverOne(deps, action)) settled += 1;
    } catch (err) {
      // Left `recovering`: the next sweep after another lease tries again.
      ctx.log.warn({ err, actionId: action.id }, 'could not recover an interrupted action yet');
    }
  }
  return settled;
}

type Finding = Recovered | { done: 'unknown' };

async function find(deps: DecisionDeps, action: PendingAction, tool: Tool | undefined, args: unknown) {
  if (tool?.sideEffect !== true || !tool.recover) return { done: 'unknown' } as const;
  const account = await accountFor(deps, action, tool);
  // Without the account's grant Google cannot be asked; the person can still look.
  if (!account.ok) return { done: 'unknown' } as const;
  const tctx = await actionContext(deps, action, account, tool);
  try {
    return await tool.recover(tool.input.parse(args), { ...tctx, action: confirmedAction(deps.ctx, action) });
  } catch (err) {
    if (deps.ctx.now().getTime() - action.createdAt.getTime() > GIVE_UP_MS)
      return { done: 'unknown' } as const;
    throw err;
  }
}

/** What the card, the conversation and the model are told, for each answer Google gave. */
function verdict(found: Finding, tool: Tool | undefined, title: string, by: string, at: Date) {
  if (found.done === true) {
    return {
      status: 'done' as const,
      result: found.result,
      card: {
        kind: 'done',
        by,
        at,
        detail: 'Lume was interrupted while doing this, then checked: it went through.',
      } as CardOutcome,
      told: `"${title}": Lume was interrupted while carrying this out, then checked with Google — it went through. It was not done twice.`,
      model: { kind: 'done' as const, result: found.result },
    };
  }
  if (found.done === false) {
    const detail =
      'Lume was interrupted before it went through: Gmail has no such message, so nothing was sent. Ask again if you still want it.';
    return {
      status: 'failed' as const,
      result: { error: detail },
      card: { kind: 'failed', by, at, detail } as CardOutcome,
      told: `"${title}": Lume was interrupted before this went through, and checked — nothing was sent. Ask again if you still want it.`,
      model: { kind: 'failed' as const, error: detail },
    };
  }
  const detail = `Check ${whereToCheck(tool)} before asking again; Lume will not do it a second time on a guess.`;
  return {
    status: 'unknown' as const,
    result: { error: detail },
    card: { kind: 'unknown', by, at, detail } as CardOutcome,
    told: `"${title}": Lume was interrupted while carrying this out and cannot tell whether it went through. ${detail}`,
    model: { kind: 'unknown' as const, detail },
  };
}

async function recoverOne(deps: DecisionDeps, action: PendingAction): Promise<boolean> {
  const { ctx, actions } = deps;
  const stored = open(actions, action);
  const tool = deps.toolByName(action.toolName);
  const found: Finding = stored ? await find(deps, action, tool, stored.args) : { done: 'unknown' };
  const v = verdict(found, tool, stored?.preview.title ?? 'This request', action.slackUserId, ctx.now());
  // Settled once: a run that was only slow, not dead, may have written its outcome meanwhile.
  if (!(await actions.finish(action, v.status, v.result, 'recovering'))) return false;
  await updateCard(deps, action, stored?.preview ?? UNREADABLE, v.card);
  try {
    await deps.ports.cards.followUp(
      { channelId: action.channelId, threadTs: action.threadTs ?? undefined },
      v.told,
    );
  } catch (err) {
    ctx.log.warn(
      { err, actionId: action.id },
      'could not tell the person what became of an interrupted action',
    );
  }
  if (stored) await note(deps, action, outcomeNote(stored.preview, v.model));
  ctx.log.info(
    { actionId: action.id, tool: action.toolName, outcome: v.status },
    'interrupted action recovered',
  );
  return true;
}
