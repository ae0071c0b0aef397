import type { PendingAction, User } from '../../../models';
import type { AppContext } from '../../context';
import type { UserGoogle } from '../../google/client-factory';
import { hasAnyScope } from '../../google/scopes';
import { MESSAGES } from '../../messages';
import { describeToolError, needsAccessMessage } from '../../tools/errors';
import { actionMessageId } from '../../tools/lib/sent-mail';
import type { ConfirmedAction, Tool, ToolContext } from '../../tools/types';
import type { People } from '../ports';
import { toolContext } from '../runner/tool-context';

export type Execution = { ok: true; result: unknown } | { ok: false; error: string };

export interface ExecuteDeps {
  ctx: AppContext;
  toolByName: (name: string) => Tool | undefined;
  ports: { people: People };
}

/** The ids a confirmed action's run carries (its mail's Message-ID), the same when it is recovered. */
export const confirmedAction = (ctx: AppContext, action: PendingAction): ConfirmedAction => ({
  id: action.id,
  messageId: actionMessageId(action.id, ctx.config.publicUrl),
  notBefore: action.createdAt,
});

/**
 * The account a card's action may run as: the one it was made for, and only while the person who
 * clicked is still linked to it. Someone who disconnected and linked another Google account between
 * the card and the click must not have the old card act on either account.
 */
export async function accountFor(
  deps: ExecuteDeps,
  action: PendingAction,
  tool: Tool,
): Promise<{ ok: true; user: User; google: UserGoogle } | { ok: false; error: string }> {
  const { ctx } = deps;
  const linked = await ctx.accounts.findBySlack(action.teamId, action.slackUserId);
  if (!linked || linked.id !== action.userId)
    return {
      ok: false,
      error:
        'This card was made for a Google account you are no longer linked to, so nothing was done. Ask again if you still want it.',
    };
  if (!ctx.accounts.isConnected(linked))
    return { ok: false, error: `${MESSAGES.revoked} Run \`/lume connect\`.` };
  const google = await ctx.google.forUser(linked);
  if (tool.scopes.length && !hasAnyScope(google.scopes, tool.scopes))
    return { ok: false, error: needsAccessMessage(tool) };
  return { ok: true, user: linked, google };
}

/** The tool context of a confirmed action: the card's zone, its own log, a deadline, and its ids. */
export async function actionContext(
  deps: ExecuteDeps,
  action: PendingAction,
  account: { user: User; google: UserGoogle },
  tool: Tool,
): Promise<ToolContext> {
  const { ctx } = deps;
  // The zone the card was shown in, so the times it showed are the times that happen; cards older
  // than that column fall back to asking the chat.
  const timeZone =
    action.timeZone ??
    (await deps.ports.people.person(action.teamId, action.slackUserId).then(
      (person) => person.timeZone,
      () => 'UTC',
    ));
  return toolContext({
    user: account.user,
    timeZone,
    google: account.google.apis,
    config: ctx.config,
    log: ctx.log.child({ tool: tool.name, actionId: action.id }),
    now: ctx.now,
    signal: AbortSignal.timeout(ctx.config.agent.turnTimeoutMs),
    action: confirmedAction(ctx, action),
    calls: ctx.telemetry,
  });
}

/**
 * Run a claimed action's tool with the arguments stored when it was proposed (validated again),
 * as the account it was made for, with a deadline. Never throws: the outcome goes on the card.
 */
export async function executeAction(
  deps: ExecuteDeps,
  action: PendingAction,
  args: unknown,
): Promise<Execution> {
  const tool = deps.toolByName(action.toolName);
  if (!tool) return { ok: false, error: 'This kind of action is no longer available.' };
  try {
    const account = await accountFor(deps, action, tool);
    if (!account.ok) return account;
    const input = tool.input.parse(args);
    return { ok: true, result: await tool.handler(input, await actionContext(deps, action, account, tool)) };
  } catch (err) {
    deps.ctx.log.warn({ err, tool: tool.name, actionId: action.id }, 'confirmed action failed');
    return { ok: false, error: describeToolError(err, tool) };
  }
}
