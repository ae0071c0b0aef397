import type { SlackDeps } from '../../deps';
import { cardDecision } from './confirm-action';

/** Cancel on an agent card: the pending action is closed (once, by its owner) and the card says so. */
export function cancelActionClicked(deps: SlackDeps) {
  return cardDecision(deps, 'cancel');
}
