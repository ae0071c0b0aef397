/**
 * Codes of the errors Lume raises itself, in the spirit of Bolt's CodedError: callers branch on
 * `code`, never on a message, and the log keeps the code (as errorCode) next to the message.
 */
export const ErrorCode = {
  GoogleAccountRevoked: 'lume_google_account_revoked',
  GoogleTokensUnreadable: 'lume_google_tokens_unreadable',
  GoogleNotConnected: 'lume_google_not_connected',
  DecryptFailed: 'lume_decrypt_failed',
  InvalidSession: 'lume_invalid_session',
  ModelUnavailable: 'lume_model_unavailable',
  TurnTimeout: 'lume_turn_timeout',
  ToolInput: 'lume_tool_input',
  SlackStartup: 'lume_slack_startup',
  // A click on a confirmation card that cannot decide it (the card tells the clicker why).
  ActionNotFound: 'lume_action_not_found',
  ActionNotYours: 'lume_action_not_yours',
  ActionExpired: 'lume_action_expired',
  ActionRunning: 'lume_action_running',
  ActionDone: 'lume_action_done',
  ActionFailed: 'lume_action_failed',
  ActionCancelled: 'lume_action_cancelled',
  ActionOutcomeUnknown: 'lume_action_outcome_unknown',
  // A settings change the service refused (the surfaces check the same rules first).
  SettingsInvalid: 'lume_settings_invalid',
  SettingsNotLinked: 'lume_settings_not_linked',
  // A proactive message Slack did not take (src/notify/messenger.ts).
  DeliveryDeferred: 'lume_delivery_deferred',
  DeliveryRefused: 'lume_delivery_refused',
  // Slack asked the time-zone re-read to wait (src/settings/time-zone-source.ts).
  TimeZoneReadDeferred: 'lume_time_zone_read_deferred',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error of Lume's own: a stable `code` and a message for the log (never shown to people as is). */
export class LumeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
