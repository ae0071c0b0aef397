/** Everything the agent itself says to people, in one place (short, no internals). */
export const MESSAGES = {
  notConfigured:
    "Lume's assistant is not configured on this server yet (it needs a Gemini API key). `/lume today` and `/lume status` still work.",
  rateLimited: "You're asking faster than I can keep up — please wait a minute, then try again.",
  modelBusy: 'Gemini, the model behind Lume, is busy or unavailable right now. Please try again in a minute.',
  timedOut: 'That took longer than I allow for one answer. Please try again, or ask something narrower.',
  noAnswer: "I couldn't come up with an answer to that. Could you rephrase it?",
  apology: "Sorry — I couldn't answer that just now. It has been logged; please try again in a minute.",
  notConnected: 'To answer that, Lume needs your Google account.',
  revoked:
    'Google says Lume no longer has access to your account, so Lume forgot the old tokens. Connect again to continue.',
  thinking: 'is thinking…',
} as const;
