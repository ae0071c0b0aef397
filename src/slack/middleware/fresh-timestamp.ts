import type { RequestHandler } from 'express';

const WINDOW_S = 5 * 60;

/**
 * Bolt rejects a request timestamp more than five minutes old, but not one from the future; Slack's
 * guidance is a window on both sides, so a captured request cannot be pre-dated for later replay.
 * Requests without the header fall through to Bolt, which refuses them (401). Real clock, as Bolt's.
 */
export function requireFreshTimestamp(): RequestHandler {
  return (req, res, next) => {
    const header = req.headers['x-slack-request-timestamp'];
    if (typeof header !== 'string') return next();
    const ts = Number(header);
    if (!Number.isFinite(ts) || Math.abs(Date.now() / 1000 - ts) > WINDOW_S) {
      res.status(401).end();
      return;
    }
    next();
  };
}
