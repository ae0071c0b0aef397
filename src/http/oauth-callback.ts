import type { Request, Response } from 'express';
import { z } from 'zod';
import { SESSION_COOKIE, SESSION_TTL_SECONDS } from '../auth/sessions';
import type { AppContext } from '../context';
import { GOOGLE_PERMISSIONS_URL } from '../messages';
import { parseCookies, serializeCookie } from './cookies';
import { errorBody, internalErrorResponse, pageOrJsonResponse, type RouteDoc } from './openapi/route-doc';
import { OAUTH_PAGES } from './page-text';
import type { PageOptions } from './pages';
import { withRequestId } from './request-log';
import { respond } from './respond';
import { USER_EXAMPLE, UserView, userView } from './user-view';

/** What Google appends to the redirect URI; anything else it sends (scope, authuser, hd…) is ignored. */
const CallbackQuery = z.object({
  code: z.string().optional().meta({ description: 'The authorisation code.', example: '4/0AeanS0b…' }),
  state: z.string().optional().meta({ description: 'The state Lume sent to Google.' }),
  error: z.string().optional().meta({
    description: 'Set instead of `code` when the person cancelled or Google failed.',
    example: 'access_denied',
  }),
});
const Linked = z.object({
  token: z.string().meta({
    description: 'The session JWT (HS256, one hour); also set as the HttpOnly `lume_session` cookie.',
  }),
  user: UserView,
});
const Denied = z.object({
  error: z
    .string()
    .regex(/^[a-z_]{1,64}$/)
    .meta({ description: 'The OAuth error code Google reported (`access_denied`…), or `unknown_error`.' }),
});
const BadRequest = errorBody(['invalid_state', 'invalid_request']);
const GoogleFailed = errorBody(['no_offline_access', 'google_unavailable']);

/**
 * Name the Slack person and workspace the account now serves. A connect link forwarded to someone
 * else links *their* Google account to the sender's Slack identity; the person in this browser is
 * the one who can notice, so they are told whose it is and how to take access back at Google.
 */
async function linkedPage(
  ctx: AppContext,
  slack: { teamId: string; slackUserId: string },
  email: string,
): Promise<PageOptions> {
  const who = await ctx.hooks.describeSlackUser(slack);
  return {
    ...OAUTH_PAGES.linked(email, who),
    teamId: slack.teamId,
    links: [{ href: GOOGLE_PERMISSIONS_URL, label: OAUTH_PAGES.removeAccess }],
  };
}

/** GET /auth/oauth/google/callback: finish the flow, store the account, start a session. */
export function oauthCallback(ctx: AppContext) {
  return async (req: Request, res: Response) => {
    const query = CallbackQuery.safeParse(req.query);
    if (!query.success) {
      const body = BadRequest.parse({
        error: 'invalid_request',
        message: 'code, state and error may appear once each',
      });
      return respond(req, res, 400, body, OAUTH_PAGES.invalidState);
    }
    const outcome = await ctx.oauth.complete({ ...query.data, cookies: parseCookies(req) });
    switch (outcome.kind) {
      case 'denied':
        return respond(
          req,
          res,
          403,
          Denied.parse({ error: outcome.error }),
          OAUTH_PAGES.denied(outcome.error),
        );
      case 'bad_request': {
        const body = BadRequest.parse({ error: 'invalid_state', message: outcome.reason });
        return respond(req, res, 400, body, OAUTH_PAGES.invalidState);
      }
      case 'no_offline_access':
        return respond(
          req,
          res,
          502,
          GoogleFailed.parse({ error: 'no_offline_access' }),
          OAUTH_PAGES.noOfflineAccess,
        );
      case 'exchange_failed':
      case 'profile_failed':
        return respond(
          req,
          res,
          502,
          GoogleFailed.parse({ error: 'google_unavailable' }),
          OAUTH_PAGES.googleUnavailable,
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
    const page = slack ? await linkedPage(ctx, slack, user.email) : OAUTH_PAGES.signedIn(user.email);
    respond(req, res, 200, Linked.parse({ token, user: userView(user, identities) }), page);
    if (slack) {
      ctx.google.evict(user.id);
      void ctx.hooks.emitAccountLinked({ user, teamId: slack.teamId, slackUserId: slack.slackUserId });
    }
  };
}

export const oauthCallbackDoc: RouteDoc = {
  method: 'get',
  path: '/auth/oauth/google/callback',
  operation: withRequestId({
    operationId: 'finishGoogleSignIn',
    tags: ['Google sign-in'],
    summary: 'Google OAuth callback',
    description:
      'Where Google sends the browser back. Checks the single-use `state` and the browser binding before asking Google for tokens, stores them encrypted and starts a session. Answers a page, or JSON when the request prefers `application/json`.',
    requestParams: { query: CallbackQuery },
    responses: {
      '200': pageOrJsonResponse(
        'Connected; the session JWT is also set as an HttpOnly cookie.',
        Linked,
        { token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.…', user: USER_EXAMPLE },
        z.object({
          'Set-Cookie': z
            .string()
            .meta({ example: 'lume_session=eyJ…; Max-Age=3600; Path=/; HttpOnly; SameSite=Lax' }),
        }),
      ),
      '400': pageOrJsonResponse(
        'Missing, unknown, expired or already used `state`, a callback opened in another browser, or a parameter given twice. Google is not asked.',
        BadRequest,
        { error: 'invalid_state', message: 'unknown, expired or already used state' },
      ),
      '403': pageOrJsonResponse('The person cancelled at Google, or Google refused.', Denied, {
        error: 'access_denied',
      }),
      '500': internalErrorResponse,
      '502': pageOrJsonResponse(
        'Google failed the token exchange or profile lookup, or granted no lasting (offline) access. Nothing is saved.',
        GoogleFailed,
        { error: 'google_unavailable' },
      ),
    },
  }),
};
