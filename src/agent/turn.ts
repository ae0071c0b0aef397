import type { User } from '../../models';
import { MESSAGES } from '../messages';
import type { TurnOutcome } from '../telemetry';
import { CardProposals } from './confirm/card-proposals';
import { ChoiceOffers } from './confirm/choice-offers';
import type { AgentDeps } from './deps';
import { LinkPolicy } from './link-policy';
import { runLoop } from './loop';
import { conversationKey } from './memory/conversation-key';
import type { Conversation, Delivery } from './ports';
import { systemPrompt } from './prompt';
import { declarationsFor } from './runner/declarations';
import { stepStatus } from './runner/step-status';
import { teamFor } from './runner/team';
import { toolContext } from './runner/tool-context';
import { ToolRunner } from './runner/tool-runner';
import { wrapQuoted } from './runner/wrap';
import { classify, FAILURE_TEXT, type TurnFailure, TurnTimeoutError } from './turn-errors';
import type { AgentTurnInput } from './types';

/**
 * One question, start to finish: limits and account checks, then the function-calling loop with a
 * deadline, the answer delivered (streamed or posted), and the turn saved to memory. Every failure
 * ends in a short message to the person; the details go to the log. How it ended is reported to
 * telemetry with its duration.
 */
export async function handleTurn(deps: AgentDeps, turn: AgentTurnInput): Promise<void> {
  const ended = deps.ctx.telemetry.turnStarted();
  let outcome: TurnOutcome = 'failed';
  try {
    outcome = await runTurn(deps, turn);
  } finally {
    ended(outcome);
  }
}

/** What telemetry calls each way a turn can fail. */
const FAILURE_OUTCOME: Record<TurnFailure, TurnOutcome> = {
  revoked: 'revoked',
  busy: 'busy',
  timeout: 'timeout',
  other: 'failed',
};

async function runTurn(deps: AgentDeps, turn: AgentTurnInput): Promise<TurnOutcome> {
  const { ctx } = deps;
  const log = ctx.log.child({ teamId: turn.teamId, slackUserId: turn.slackUserId, source: turn.source });
  const links = new LinkPolicy();
  const delivery = deps.ports.deliveries.open(conversationOf(turn), links, log);
  if (!deps.model) {
    await delivery.notify(MESSAGES.notConfigured);
    return 'not_configured';
  }
  if (!deps.limiter.take(`${turn.teamId}:${turn.slackUserId}`)) {
    await delivery.notify(MESSAGES.rateLimited);
    return 'rate_limited';
  }
  const user = turn.user ?? (await ctx.accounts.findBySlack(turn.teamId, turn.slackUserId));
  if (!ctx.accounts.isConnected(user)) {
    await promptConnect(deps, turn, user ? MESSAGES.revoked : MESSAGES.notConnected);
    return user ? 'revoked' : 'not_connected';
  }
  await delivery.progress(MESSAGES.thinking);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new TurnTimeoutError()), ctx.config.agent.turnTimeoutMs);
  try {
    await converse(deps, turn, user, delivery, links, controller.signal);
    return 'answered';
  } catch (err) {
    const failure = classify(err, controller.signal);
    log[failure === 'other' ? 'error' : 'warn']({ err, failure }, 'agent turn failed');
    if (failure === 'revoked') await promptConnect(deps, turn, MESSAGES.revoked);
    else await delivery.notify(FAILURE_TEXT[failure]);
    return FAILURE_OUTCOME[failure];
  } finally {
    clearTimeout(timer);
  }
}

const conversationOf = (turn: AgentTurnInput): Conversation => ({
  teamId: turn.teamId,
  slackUserId: turn.slackUserId,
  channelId: turn.channelId,
  threadTs: turn.threadTs,
});

/**
 * The connect link, only ever to the person it is for: after a mention others can read the thread,
 * and whoever completes the link attaches their Google account to this person.
 */
function promptConnect(deps: AgentDeps, turn: AgentTurnInput, reason: string): Promise<void> {
  return deps.ports.connectPrompts.send(conversationOf(turn), reason, {
    privately: turn.source === 'mention',
  });
}

async function converse(
  deps: AgentDeps,
  turn: AgentTurnInput,
  user: User,
  delivery: Delivery,
  links: LinkPolicy,
  signal: AbortSignal,
): Promise<void> {
  const { ctx } = deps;
  const log = ctx.log.child({ userId: user.id, source: turn.source });
  const ref = { userId: user.id, teamId: turn.teamId, channelId: turn.channelId, threadTs: turn.threadTs };
  const [person, google, history] = await Promise.all([
    deps.ports.people.person(turn.teamId, turn.slackUserId).catch(() => undefined),
    ctx.google.forUser(user),
    deps.memory.load(ref),
  ]);
  // Links from earlier tool results in this conversation stay linkable ("what was that Meet link?").
  for (const c of history)
    for (const p of c.parts ?? [])
      if (p.functionResponse)
        links.learn(
          p.functionResponse.response,
          deps.tools.toolByName(p.functionResponse.name ?? '')?.linkFields ?? [],
        );
  const timeZone = person?.timeZone ?? 'UTC';
  const tools = deps.tools.toolsFor(google.scopes, { mapsEnabled: !!ctx.config.google.mapsApiKey });
  const notices = new Set<string>();
  const team = teamFor({
    ctx,
    directory: deps.ports.directories.of(turn.teamId),
    teamId: turn.teamId,
    selfId: turn.slackUserId,
    viewing: turn.viewing,
    signal,
  });
  const tctx = toolContext({
    user,
    timeZone,
    google: google.apis,
    config: ctx.config,
    log,
    now: ctx.now,
    signal,
    team,
    calls: ctx.telemetry,
  });
  const owner = { ...ref, slackUserId: turn.slackUserId, conversationKey: conversationKey(ref), timeZone };
  const runner = new ToolRunner({
    tools,
    ctx: tctx,
    links,
    notices,
    proposals: new CardProposals(deps.actions, delivery, owner, ctx.telemetry),
    offers: new ChoiceOffers(deps.actions, delivery, owner, tools, tctx),
    maxCalls: ctx.config.agent.maxToolCalls,
    log,
    telemetry: ctx.telemetry,
    onProgress: (used) => delivery.progress(stepStatus(used)),
    onSteps: delivery.steps,
  });
  const result = await runLoop({
    model: deps.model!,
    system: systemPrompt({
      name: person?.name ?? user.name ?? 'there',
      timeZone,
      now: ctx.now(),
      source: turn.source,
      viewing: turn.viewing,
    }),
    history,
    userText: turn.text,
    ...(turn.quoted ? { userData: wrapQuoted(turn.quoted) } : {}),
    declarations: declarationsFor(tools),
    tools: runner,
    maxSteps: ctx.config.agent.maxSteps,
    signal,
    onText: delivery.onText,
  });
  // The person always learns about missing access, unless the model already passed it on.
  const tail = result.text.includes('/lume connect') ? '' : [...notices].join('\n');
  await delivery.finish(result.text, tail || (result.text ? undefined : MESSAGES.noAnswer));
  log.info({ steps: result.steps, toolCalls: runner.callsMade }, 'agent turn answered');
  await deps.memory
    .append(ref, result.contents)
    .catch((err: unknown) => log.error({ err }, 'could not save the turn to memory'));
}
