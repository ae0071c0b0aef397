import type { App } from '@slack/bolt';
import { ACTIONS, CHOICE_ACTION, PROMPT_ACTION, RSVP_ACTION } from '../../blocks/action-ids';
import type { SlackDeps } from '../../deps';
import { briefingOfferClicked } from './briefing-offer';
import { cancelActionClicked } from './cancel-action';
import { confirmActionClicked } from './confirm-action';
import { connectLinkClicked } from './connect-link';
import { disconnectClicked } from './disconnect';
import { editSettingsClicked } from './edit-settings';
import { answerFeedbackClicked } from './feedback';
import { choicePicked } from './pick-choice';
import { refreshHomeClicked } from './refresh-home';
import { rsvpClicked } from './rsvp';
import { suggestedPromptClicked } from './suggested-prompt';
import { viewRequestClicked } from './view-request';

/**
 * Block Kit button listeners, one file each. The agent's Confirm / Cancel / feedback buttons are
 * registered here too (their files live beside these).
 */
export function registerActions(app: App, deps: SlackDeps): void {
  app.action(ACTIONS.connectLink, connectLinkClicked());
  // Join and Route are URL buttons too: acked, nothing else.
  app.action(ACTIONS.joinLink, connectLinkClicked());
  app.action(ACTIONS.routeLink, connectLinkClicked());
  app.action(ACTIONS.disconnect, disconnectClicked(deps));
  app.action(ACTIONS.refreshHome, refreshHomeClicked(deps));
  app.action(PROMPT_ACTION, suggestedPromptClicked(deps));
  app.action(ACTIONS.confirmAction, confirmActionClicked(deps));
  app.action(ACTIONS.cancelAction, cancelActionClicked(deps));
  app.action(new RegExp(`^${ACTIONS.viewRequest}(:\\d+)?$`), viewRequestClicked(deps));
  app.action(ACTIONS.answerFeedback, answerFeedbackClicked(deps));
  app.action(ACTIONS.editSettings, editSettingsClicked(deps));
  app.action(ACTIONS.briefingOffer, briefingOfferClicked(deps));
  app.action(CHOICE_ACTION, choicePicked(deps));
  app.action(RSVP_ACTION, rsvpClicked(deps));
}
