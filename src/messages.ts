/**
 * Sentences people read that more than one part of Lume says, each in one place (short, no internals;
 * the details go to the log). A sentence only one builder uses stays beside that builder.
 */
export const MESSAGES = {
  // The assistant.
  notConfigured:
    "Lume's assistant is not configured on this server yet (it needs a Gemini API key). `/lume today` and `/lume status` still work.",
  rateLimited: "You're asking faster than I can keep up — please wait a minute, then try again.",
  modelBusy: 'Gemini, the model behind Lume, is busy or unavailable right now. Please try again in a minute.',
  timedOut: 'That took longer than I allow for one answer. Please try again, or ask something narrower.',
  noAnswer: "I couldn't come up with an answer to that. Could you rephrase it?",
  apology: "Sorry — I couldn't answer that just now. It has been logged; please try again in a minute.",
  thinking: 'is thinking…',
  /** The agent itself failed to answer (thrown, not a failure it reported). */
  agentUnavailable: "Sorry — I couldn't answer that just now. Please try again in a minute.",
  // The Google link.
  notConnected: 'To answer that, Lume needs your Google account.',
  revoked:
    'Google says Lume no longer has access to your account, so Lume forgot the old tokens. Connect again to continue.',
  // Anything else that broke.
  friendlyError:
    "Sorry — something went wrong on Lume's side. It has been logged; please try again in a minute.",
} as const;

/** Where people take Lume's access back in their Google account. */
export const GOOGLE_PERMISSIONS_URL = 'https://myaccount.google.com/permissions';
