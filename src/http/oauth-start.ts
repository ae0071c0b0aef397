import type { Request, Response } from 'express';
import { CONNECT_LINK_TTL_MS } from '../auth/connect-links';
import { STATE_TTL_MS } from '../auth/oauth-states';
import type { AppContext } from '../context';
import type { PerMinuteLimiter } from '../rate-limit';
import { inWords } from '../time/duration';
import { serializeCookie } from './cookies';
import { respond } from './respond';

/** Plain web sign-ins (no Slack link) that one client may start per minute. */
export const PLAIN_SIGN_INS_PER_MINUTE = 10;

/**
 * GET /auth/oauth/google[?link=…]: consume the Slack link (if any) and send the browser to Google.
 * A plain sign-in needs no credential yet stores a state row, so it is rate-limited per client.
 */
export function oauthStart(ctx: AppContext, plainSignIns: PerMinuteLimiter) {
  return async (req: Request, res: Response) => {
    const link = req.query.link;
    if (link === undefined && !plainSignIns.take(req.ip ?? req.socket.remoteAddress ?? 'unknown')) {
      res.setHeader('Retry-After', '60');
      return respond(
        req,
        res,
        429,
        { error: 'rate_limited' },
        {
          title: 'Too many sign-in attempts',
          message: 'Please wait a minute and try again.',
        },
      );
    }
    if (link !== undefined && typeof link !== 'string') {
      return respond(
        req,
        res,
        400,
        { error: 'invalid_link' },
        {
          title: 'This link is not valid',
          message: 'Run /lume connect in Slack to get a fresh link.',
        },
      );
    }
    const outcome = await ctx.oauth.start(link);
    if (outcome.kind === 'invalid_link') {
      return respond(
        req,
        res,
        410,
        { error: 'invalid_link', message: 'This link was already used or has expired.' },
        {
          title: 'This link has expired',
          message: `Connect links work once and for ${inWords(CONNECT_LINK_TTL_MS)}. Run /lume connect in Slack to get a fresh one.`,
        },
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
