import type { Request, Response } from 'express';
import { SESSION_COOKIE, SESSION_TTL_SECONDS } from '../auth/sessions';
import type { AppContext } from '../context';
import { parseCookies, serializeCookie } from './cookies';
import { respond } from './respond';
import { userView } from './user-view';

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const GOOGLE_PERMISSIONS = 'https://myaccount.google.com/permissions';

/**
 * Name the Slack person and workspace the account now serves. A connect link forwarded to someone
 * else links *their* Google account to the sender's Slack identity; the person in this browser is
 * the one who can notice, so they are told whose it is and how to take access back at Google.
 */
async function linkedPage(ctx: AppContext, slack: { teamId: string; slackUserId: string }, email: string) {
  const who = await ctx.hooks.describeSlackUser(slack);
  const whom = who
    ? `${who.userName}${who.teamName ? ` in the ${who.teamName} Slack workspace` : ' in Slack'}`
    : 'the Slack account that asked for this link';
  return {
    message: `${email} is now linked to Lume for ${whom}. Lume can help with your Gmail, Calendar and Tasks there; you can close this tab and go back to Slack.`,
    note: `Not you, or did someone send you this link? Remove Lume's access in your Google Account — Lume loses access at once.`,
    links: [
      { href: `slack://open?team=${encodeURIComponent(slack.teamId)}`, label: 'Back to Slack' },
      { href: GOOGLE_PERMISSIONS, label: "Remove Lume's access in your Google Account" },
    ],
  };
}
const RETRY = 'Run /lume connect in Slack (or start again) to get a fresh link.';

/** GET /auth/oauth/google/callback: finish the flow, store the account, start a session. */
export function oauthCallback(ctx: AppContext) {
  return async (req: Request, res: Response) => {
    const cookies = parseCookies(req);
    const outcome = await ctx.oauth.complete({
      code: str(req.query.code),
      state: str(req.query.state),
      error: str(req.query.error),
      cookies,
    });
    switch (outcome.kind) {
      case 'denied':
        return respond(
          req,
          res,
          403,
          { error: outcome.error },
          {
            title: 'Nothing was connected',
            message:
              outcome.error === 'access_denied'
                ? `You cancelled on Google’s consent screen, so Lume has no access to your account. ${RETRY}`
                : `Google did not complete the sign-in (${outcome.error}). ${RETRY}`,
          },
        );
      case 'bad_request':
        return respond(
          req,
          res,
          400,
          { error: 'invalid_state', message: outcome.reason },
          {
            title: 'This sign-in link is no longer valid',
            message: `It may have expired, been used already, or been opened in another browser. ${RETRY}`,
          },
        );
      case 'no_offline_access':
        return respond(
          req,
          res,
          502,
          { error: 'no_offline_access' },
          {
            title: 'Google did not grant lasting access',
            message: `Lume needs offline access to keep working after an hour; Google did not grant it, so nothing was saved. ${RETRY}`,
          },
        );
      case 'exchange_failed':
      case 'profile_failed':
        return respond(
          req,
          res,
          502,
          { error: 'google_unavailable' },
          {
            title: 'Google did not answer as expected',
            message: `Lume could not finish connecting your account; nothing was saved. ${RETRY}`,
          },
        );
    }
    const { user, slack } = outcome;
    const token = ctx.sessions.issue(user);
    const secure = ctx.config.publicUrl.startsWith('https://');
    res.append(
      'Set-Cookie',
      serializeCookie(SESSION_COOKIE, token, { maxAgeSeconds: SESSION_TTL_SECONDS, path: '/', secure }),
    );
    const identities = await ctx.db.models.SlackIdentity.findAll({ where: { userId: user.id } });
    const page = slack ? await linkedPage(ctx, slack, user.email) : { message: 'You are signed in to Lume.' };
    respond(
      req,
      res,
      200,
      { token, user: userView(user, identities) },
      { title: `Connected as ${user.email}`, ...page },
    );
    if (slack) {
      ctx.google.evict(user.id);
      void ctx.hooks.emitAccountLinked({ user, teamId: slack.teamId, slackUserId: slack.slackUserId });
    }
  };
}
