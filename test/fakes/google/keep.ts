import express, { type Router } from 'express';
import { googleError, grantOf, requireScopes } from './api-auth';
import type { FakeGoogleState } from './state';

const G = 'https://www.googleapis.com/auth/';
export const KEEP_READ = [`${G}keep`, `${G}keep.readonly`];

/**
 * Keep API notes.list/get. Keep serves only Workspace accounts whose admin allowed the API; any
 * other account gets the plain PERMISSION_DENIED Google gives (no scope hint), which the fake
 * reproduces when the account's keepEnabled is false.
 */
export function keepRoutes(state: FakeGoogleState): Router {
  const router = express.Router();
  const read = requireScopes(state, KEEP_READ);
  const enabled: express.RequestHandler = (_req, res, next) => {
    if (state.dataFor(grantOf(res).sub).keepEnabled) return next();
    googleError(res, 403, 'The caller does not have permission', 'forbidden');
  };

  router.get('/v1/notes', read, enabled, (req, res) => {
    const filter = String(req.query.filter ?? '');
    const showTrashed = /trashed\s*=\s*true/i.test(filter);
    const notes = state.dataFor(grantOf(res).sub).notes.filter((n) => Boolean(n.trashed) === showTrashed);
    const size = Math.min(Number(req.query.pageSize ?? 100) || 100, 100);
    const start = req.query.pageToken ? Number.parseInt(String(req.query.pageToken), 36) : 0;
    res.json({
      notes: notes.slice(start, start + size),
      ...(start + size < notes.length ? { nextPageToken: (start + size).toString(36) } : {}),
    });
  });

  router.get('/v1/notes/:id', read, enabled, (req, res) => {
    const note = state.dataFor(grantOf(res).sub).notes.find((n) => n.name === `notes/${req.params.id}`);
    if (!note) return googleError(res, 404, 'Requested entity was not found.', 'notFound');
    res.json(note);
  });

  return router;
}
