/** What people see when something breaks: short, no details (those go to the log), never a stack trace. */
export const FRIENDLY_ERROR =
  "Sorry — something went wrong on Lume's side. It has been logged; please try again in a minute.";

export const AGENT_UNAVAILABLE = "Sorry — I couldn't answer that just now. Please try again in a minute.";

export const REVOKED_REASON =
  'Google says Lume no longer has access to your account, so Lume forgot the old tokens. Connect again to continue.';
