import { CONNECT_LINK_TTL_MS } from '../auth/connect-links';
import { inWords } from '../time/duration';

/** Every sentence Lume's own pages show people, in one place (the layout is in pages.ts). */

const RETRY = 'Run /lume connect in Slack (or start again) to get a fresh link.';

/** What a page says: the words, and how it went (the badge: a tick, an exclamation mark, a cross). */
export interface PageOutcome {
  tone: 'success' | 'warning' | 'error';
  title: string;
  message: string;
  /** A second paragraph (e.g. what to do if this was not you). */
  note?: string;
}
type Outcome = PageOutcome;

export const CHROME = {
  backToSlack: 'Back to Slack',
  slackInBrowser: 'Open Slack in your browser',
  footer: 'Lume — your assistant in Slack for Gmail, Calendar, Tasks and Keep.',
};

export const OAUTH_PAGES = {
  rateLimited: {
    tone: 'warning',
    title: 'Too many sign-in attempts',
    message: 'Please wait a minute and try again.',
  },
  tooManyInProgress: {
    tone: 'warning',
    title: 'Too many sign-ins in progress',
    message:
      'Lume is handling as many web sign-ins as it allows at once. Please try again in a few minutes, or run /lume connect in Slack, which is not affected.',
  },
  malformedLink: {
    tone: 'error',
    title: 'This link is not valid',
    message: 'Run /lume connect in Slack to get a fresh link.',
  },
  expiredLink: {
    tone: 'warning',
    title: 'This link has expired',
    message: `Connect links work once and for ${inWords(CONNECT_LINK_TTL_MS)}. Run /lume connect in Slack to get a fresh one.`,
  },
  denied: (error: string): Outcome => ({
    tone: 'warning',
    title: 'Nothing was connected',
    message:
      error === 'access_denied'
        ? `You cancelled on Google’s consent screen, so Lume has no access to your account. ${RETRY}`
        : `Google did not complete the sign-in (${error}). ${RETRY}`,
  }),
  invalidState: {
    tone: 'error',
    title: 'This sign-in link is no longer valid',
    message: `It may have expired, been used already, or been opened in another browser. ${RETRY}`,
  },
  noOfflineAccess: {
    tone: 'error',
    title: 'Google did not grant lasting access',
    message: `Lume needs offline access to keep working after an hour; Google did not grant it, so nothing was saved. ${RETRY}`,
  },
  googleUnavailable: {
    tone: 'error',
    title: 'Google did not answer as expected',
    message: `Lume could not finish connecting your account; nothing was saved. ${RETRY}`,
  },
  /** `whom`: the Slack person (and workspace) the account now serves, or undefined when unknown. */
  linked: (email: string, whom: { userName: string; teamName?: string } | null): Outcome => {
    const who = whom
      ? `${whom.userName}${whom.teamName ? ` in the ${whom.teamName} Slack workspace` : ' in Slack'}`
      : 'the Slack account that asked for this link';
    return {
      tone: 'success',
      title: `Connected as ${email}`,
      message: `${email} is now linked to Lume for ${who}. Lume can help with your Gmail, Calendar and Tasks there; you can close this tab and go back to Slack.`,
      note: `Not you, or did someone send you this link? Remove Lume's access in your Google Account — Lume loses access at once.`,
    };
  },
  removeAccess: "Remove Lume's access in your Google Account",
  signedIn: (email: string): Outcome => ({
    tone: 'success',
    title: `Connected as ${email}`,
    message: 'You are signed in to Lume.',
  }),
} satisfies Record<string, Outcome | string | ((...a: never[]) => Outcome)>;

export const DOCS_PAGES = {
  swaggerTitle: 'Lume HTTP API',
  redocTitle: 'Lume HTTP API reference',
  nav: { swagger: 'Try it (Swagger UI)', redoc: 'Reference (ReDoc)', spec: 'openapi.json' },
  noScript: 'The interactive API documentation needs JavaScript. The description itself is at /openapi.json.',
};
