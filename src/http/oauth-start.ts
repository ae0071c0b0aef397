import type { Request, Response } from 'express';
import { z } from 'zod';
import { CONNECT_LINK_TTL_MS } from '../auth/connect-links';
import { MAX_PLAIN_STATES_IN_PROGRESS, STATE_TTL_MS } from '../auth/oauth-states';
import type { AppContext } from '../context';
import type { PerMinuteLimiter } from '../rate-limit';
import { inWords } from '../time/duration';
import { serializeCookie } from './cookies';
import { errorBody, internalErrorResponse, pageOrJsonResponse, type RouteDoc } from './openapi/route-doc';
import { OAUTH_PAGES } from './page-text';
import { withRequestId } from './request-log';
import { respond } from './respond';

/** Plain web sign-ins (no Slack link) that one client may start per minute. */
export const PLAIN_SIGN_INS_PER_MINUTE = 10;

const StartQuery = z.object({
  link: z.string().optional().meta({
    description: 'The one-time token from `/lume connect`: links the Google account to that Slack user.',
    example: 'q3Jx9d0bVq2m4Yw7nKc1sA',
  }),
});
const RateLimited = errorBody(['rate_limited', 'too_many_sign_ins']);
const InvalidLink = errorBody(['invalid_link']);

/**
 * GET /auth/oauth/google[?link=…]: consume the Slack link (if any) and send the browser to Google.
 * A plain sign-in needs no credential yet stores a state row, so it is rate-limited per client (the
 * real client behind TRUST_PROXY's proxies) and capped across clients (MAX_PLAIN_STATES_IN_PROGRESS).
 */
export function oauthStart(ctx: AppContext, plainSignIns: PerMinuteLimiter) {
  return async (req: Request, res: Response) => {
    const query = StartQuery.safeParse(req.query);
    if (!query.success) {
      return respond(req, res, 400, InvalidLink.parse({ error: 'invalid_link' }), OAUTH_PAGES.malformedLink);
    }
    const { link } = query.data;
    if (link === undefined && !plainSignIns.take(req.ip ?? req.socket.remoteAddress ?? 'unknown')) {
      res.setHeader('Retry-After', '60');
      return respond(req, res, 429, RateLimited.parse({ error: 'rate_limited' }), OAUTH_PAGES.rateLimited);
    }
    const outcome = await ctx.oauth.start(link);
    if (outcome.kind === 'invalid_link') {
      const body = InvalidLink.parse({
        error: 'invalid_link',
        message: 'This link was already used or has expired.',
      });
      return respond(req, res, 410, body, OAUTH_PAGES.expiredLink);
    }
    if (outcome.kind === 'too_many_in_progress') {
      res.setHeader('Retry-After', '60');
      return respond(
        req,
        res,
        429,
        RateLimited.parse({
          error: 'too_many_sign_ins',
          message: 'Too many sign-ins are in progress; try again shortly.',
        }),
        OAUTH_PAGES.tooManyInProgress,
      );
    }
    res.append(
      'Set-Cookie',
      serializeCookie(outcome.binding.name, outcome.binding.value, {
        maxAgeSeconds: STATE_TTL_MS / 1000,
        path: '/auth/oauth/google/callback',
        secure: ctx.config.publicUrl.startsWith('https://'),
      }),
    );
    res.redirect(302, outcome.url);
  };
}

export const oauthStartDoc: RouteDoc = {
  method: 'get',
  path: '/auth/oauth/google',
  operation: withRequestId({
    operationId: 'startGoogleSignIn',
    tags: ['Google sign-in'],
    summary: 'Start Google OAuth',
    description:
      "Opened in a browser. With `link` (from `/lume connect`) the Google account is linked to that Slack user; without it this is a plain web sign-in, limited to 10 a minute per client. Redirects to Google's consent screen with a single-use `state` and PKCE (S256), and binds the flow to this browser with an HttpOnly cookie.",
    requestParams: { query: StartQuery },
    responses: {
      '302': {
        description: "To Google's consent screen.",
        headers: z.object({
          Location: z
            .string()
            .meta({ example: 'https://accounts.google.com/o/oauth2/v2/auth?response_type=code&…' }),
          'Set-Cookie': z.string().meta({
            description: `Binds the callback to this browser (HttpOnly, ${inWords(STATE_TTL_MS)}).`,
          }),
        }),
      },
      '400': pageOrJsonResponse('`link` given more than once.', InvalidLink, { error: 'invalid_link' }),
      '410': pageOrJsonResponse(
        `The link was already used, or is older than ${inWords(CONNECT_LINK_TTL_MS)}.`,
        InvalidLink,
        {
          error: 'invalid_link',
          message: 'This link was already used or has expired.',
        },
      ),
      '429': pageOrJsonResponse(
        `More than ${PLAIN_SIGN_INS_PER_MINUTE} plain sign-ins from this client in a minute (\`rate_limited\`), or ${MAX_PLAIN_STATES_IN_PROGRESS} plain sign-ins in progress across all clients (\`too_many_sign_ins\`); Slack connect links are never limited.`,
        RateLimited,
        { error: 'rate_limited' },
        z.object({ 'Retry-After': z.string().meta({ example: '60' }) }),
      ),
      '500': internalErrorResponse,
    },
  }),
};
