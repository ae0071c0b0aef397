import type { PendingAction } from '../../../models';
import type { AppContext } from '../../context';
import { hasAnyScope } from '../../google/scopes';
import { MESSAGES } from '../../messages';
import { describeToolError, needsAccessMessage } from '../../tools/errors';
import type { Tool } from '../../tools/types';
import type { People } from '../ports';
import { toolContext } from '../runner/tool-context';

export type Execution = { ok: true; result: unknown } | { ok: false; error: string };

export interface ExecuteDeps {
  ctx: AppContext;
  toolByName: (name: string) => Tool | undefined;
  ports: { people: People };
}

/**
 * Run a claimed action's tool with the arguments stored when it was proposed (validated again),
 * as the user who owns it, with a deadline. Never throws: the outcome goes on the card.
 */
export async function executeAction(
  deps: ExecuteDeps,
  action: PendingAction,
  args: unknown,
): Promise<Execution> {
  const { ctx } = deps;
  const tool = deps.toolByName(action.toolName);
  if (!tool) return { ok: false, error: 'This kind of action is no longer available.' };
  const user = await ctx.db.models.User.findByPk(action.userId);
  if (!ctx.accounts.isConnected(user))
    return { ok: false, error: `${MESSAGES.revoked} Run \`/lume connect\`.` };
  try {
    const google = await ctx.google.forUser(user);
    if (tool.scopes.length && !hasAnyScope(google.scopes, tool.scopes))
      return { ok: false, error: needsAccessMessage(tool) };
    // The zone the card was shown in, so the times it showed are the times that happen; cards older
    // than that column fall back to asking the chat.
    const timeZone =
      action.timeZone ??
      (await deps.ports.people.person(action.teamId, action.slackUserId).then(
        (person) => person.timeZone,
        () => 'UTC',
      ));
    const input = tool.input.parse(args);
    const tctx = toolContext({
      user,
      timeZone,
      google: google.apis,
      config: ctx.config,
      log: ctx.log.child({ tool: tool.name, actionId: action.id }),
      now: ctx.now,
      signal: AbortSignal.timeout(ctx.config.agent.turnTimeoutMs),
      calls: ctx.telemetry,
    });
    return { ok: true, result: await tool.handler(input, tctx) };
  } catch (err) {
    ctx.log.warn({ err, tool: tool.name, actionId: action.id }, 'confirmed action failed');
    return { ok: false, error: describeToolError(err, tool) };
  }
}
