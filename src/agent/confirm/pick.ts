import { LinkPolicy } from '../link-policy';
import type { AgentPorts } from '../ports';
import type { ChoiceClick } from '../types';
import type { DecisionDeps } from './decide';
import type { PendingActions, PickRefusal } from './pending-actions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the clicker is told when a pick shows no card. */
const REFUSALS: Record<PickRefusal, string> = {
  not_found: 'This choice no longer exists.',
  not_yours: 'Only the person who asked can pick one of these.',
  expired: 'These choices have expired. Ask again for fresh times.',
  picked: 'You already picked this one: its card is below.',
  other_picked: 'You already picked another one: its card is below.',
};

type PickOutcome = 'shown' | PickRefusal | 'failed';

/**
 * A click on one of a tool's choices (a meeting time): claim it for its owner (once), retire the
 * other choices, post its usual Confirm card where the choices are, and settle the choices message.
 * Nothing changes until that card is confirmed.
 */
export async function pick(deps: Pick<DecisionDeps, 'ctx' | 'actions' | 'ports'>, click: ChoiceClick) {
  let outcome: PickOutcome = 'failed';
  try {
    outcome = await pickOnce(deps.actions, deps.ports, deps, click);
  } finally {
    deps.ctx.log.info({ actionId: click.actionId, by: click.slackUserId, outcome }, 'choice picked');
  }
}

async function pickOnce(
  actions: PendingActions,
  ports: AgentPorts,
  deps: Pick<DecisionDeps, 'ctx'>,
  click: ChoiceClick,
): Promise<PickOutcome> {
  const log = deps.ctx.log.child({ actionId: click.actionId });
  const revealed = UUID.test(click.actionId)
    ? await actions.reveal(click.actionId, click.teamId, click.slackUserId)
    : ({ ok: false, reason: 'not_found' } as const);
  if (!revealed.ok) {
    if (click.channelId)
      await ports.cards
        .refuse({ channelId: click.channelId, slackUserId: click.slackUserId }, REFUSALS[revealed.reason])
        .catch((err: unknown) => log.warn({ err }, 'could not answer the pick'));
    return revealed.reason;
  }
  const action = revealed.action;
  const preview = actions.preview(action);
  const delivery = ports.deliveries.open(
    {
      teamId: action.teamId,
      slackUserId: action.slackUserId,
      channelId: action.channelId,
      threadTs: action.threadTs ?? undefined,
    },
    new LinkPolicy(),
    log,
  );
  let ts: string | undefined;
  try {
    ts = await delivery.card({ actionId: action.id, preview, expiresAt: action.expiresAt });
  } finally {
    // Without a posted card the choice may be picked again.
    await actions.shown(action.id, ts ?? null);
  }
  if (click.channelId && click.messageTs) {
    const field = (label: string) => preview.fields.find((f) => f.label === label)?.value;
    const picked = [field('Title'), field('When')].filter(Boolean).join(', ') || preview.title;
    await ports.cards
      .settleChoices({ channelId: click.channelId, messageTs: click.messageTs }, picked)
      .catch((err: unknown) => log.warn({ err }, 'could not settle the choices'));
  }
  return 'shown';
}
