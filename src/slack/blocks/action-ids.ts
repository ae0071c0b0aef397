/**
 * Every action_id Lume puts on a button, in one place: the listeners register these, the builders
 * use them, and test/slack/manifest.spec.ts checks the two sides match.
 */
export const ACTIONS = {
  /** A URL button: Slack opens the link and also sends a block_actions payload, which must be acked. */
  connectLink: 'lume_connect_link',
  disconnect: 'lume_disconnect',
  refreshHome: 'lume_home_refresh',
  /** Suggested prompts on the messages tab: lume_prompt:0 … lume_prompt:3. */
  promptPrefix: 'lume_prompt:',
  /** The agent's confirmation cards (src/slack/blocks/confirm-card.ts); the value is the pending action id. */
  confirmAction: 'lume_action_confirm',
  cancelAction: 'lume_action_cancel',
  /** Opens (and pages) the modal with the whole request; the value is `<pending action id>:<page>`. */
  viewRequest: 'lume_action_view',
  /** Feedback buttons under each agent answer (src/slack/blocks/answer-feedback.ts). */
  answerFeedback: 'lume_answer_feedback',
  /** App Home's Edit: opens the settings modal (src/slack/blocks/settings-modal.ts). */
  editSettings: 'lume_settings_edit',
  /** The "Connected" DM's one-click briefing offer; the value is the Slack user the DM was sent to. */
  briefingOffer: 'lume_briefing_offer',
  /** A tool's choices (meeting times), lume_choice:0 … :2; the value is that choice's pending action id. */
  choicePrefix: 'lume_choice:',
  /**
   * Yes / Maybe / No on an invitation DM or an unanswered invitation's reminder, lume_rsvp:accepted …
   * :declined; the value is an RsvpRef (src/slack/blocks/notices/rsvp-buttons.ts).
   */
  rsvpPrefix: 'lume_rsvp:',
  /** A reminder's Join button (the meeting's video link): a URL button, acked and nothing else. */
  joinLink: 'lume_join_link',
  /** Leave-now's route on Google Maps: a URL button, acked and nothing else. */
  routeLink: 'lume_route_link',
} as const;

export const promptActionId = (index: number) => `${ACTIONS.promptPrefix}${index}`;
export const PROMPT_ACTION = /^lume_prompt:\d+$/;
export const choiceActionId = (index: number) => `${ACTIONS.choicePrefix}${index}`;
export const CHOICE_ACTION = /^lume_choice:\d+$/;
export const RSVP_ACTION = /^lume_rsvp:(accepted|tentative|declined)$/;
