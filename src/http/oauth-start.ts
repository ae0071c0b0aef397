import type { Request, Response } from 'express';
import type { AppContext } from '../context';
import type { PerMinuteLimiter } from '../rate-limit';
import { serializeCookie } from './cookies';
import { respond } from './respond';

/** Plain web sign-ins (no Slack link) that one client may start per minute. */
export const PLAIN_SIGN_INS_PER_MINUTE = 10;

/**
 * GET /auth/oauth/google[?link=…]: consume the Slack link (if any) and send the browser to Google.
 * A plain sign-in needs no credential yet stores a state row, so it is rate-limited per client (the
 * real client behind TRUST_PROXY's proxies) and capped across clients (MAX_PLAIN_STATES_IN_PROGRESS).
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
          message:
            'Connect links work once and for ten minutes. Run /lume connect in Slack to get a fresh one.',
        },
      );
    }
    if (outcome.kind === 'too_many_in_progress') {
      res.setHeader('Retry-After', '60');
      return respond(
        req,
        res,
        429,
        { error: 'too_many_sign_ins', message: 'Too many sign-ins are in progress; try again shortly.' },
        {
          title: 'Too many sign-ins in progress',
          message:
            'Lume is handling as many web sign-ins as it allows at once. Please try again in a few minutes, or run /lume connect in Slack, which is not affected.',
        },
      );
    }
    res.append(
      'Set-Cookie',
      serializeCookie(outcome.binding.name, outcome.binding.value, {
        maxAgeSeconds: 600,
        path: '/auth/oauth/google/callback',
        secure: ctx.config.publicUrl.startsWith('https://'),
      }),
    );
    res.redirect(302, outcome.url);
  };
}
