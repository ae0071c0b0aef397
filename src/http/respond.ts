import type { Request, Response } from 'express';
import { type PageOptions, renderPage } from './pages';

/** JSON for API clients (Accept: application/json), a friendly page for browsers. */
export function respond(req: Request, res: Response, status: number, json: object, page: PageOptions): void {
  res.status(status);
  if (req.accepts(['html', 'json']) === 'json') {
    res.json(json);
  } else {
    res.type('html').send(renderPage(page));
  }
}
