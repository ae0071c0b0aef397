import type { Request, Response } from 'express';
import type { AppContext } from '../context';
import { serializeCookie } from './cookies';
import { respond } from './respond';

/** GET /auth/oauth/google[?link=…]: consume the Slack link (if any) and send the browser to Google. */
export function oauthStart(ctx: AppContext) {
  return async (req: Request, res: Response) => {
    const link = req.query.link;
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
