import express, { type Router } from 'express';
import { googleError, requireScopes } from './api-auth';
import { mailbox } from './gmail';
import { GMAIL_SEND, sendRaw } from './gmail-write';
import type { FakeGoogleState } from './state';

/** Gmail's upload endpoint takes a message of up to 35 MB. */
const UPLOAD_MAX = 35 * 1024 * 1024;

/**
 * `uploadType=multipart`: a multipart/related body whose first part is the JSON metadata (e.g.
 * threadId) and whose second is the message itself; `uploadType=media`: the message alone.
 */
function parseUpload(contentType: string, body: Buffer): { meta: Record<string, unknown>; raw: string } {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!/^multipart\/related/i.test(contentType) || !boundary) return { meta: {}, raw: body.toString('utf8') };
  const parts = body
    .toString('utf8')
    .split(`--${boundary}`)
    .slice(1)
    .filter((p) => !p.startsWith('--'))
    .map((p) => p.replace(/^\r?\n/, '').replace(/\r?\n$/, ''))
    .map((p) => p.slice(p.search(/\r?\n\r?\n/)).replace(/^\r?\n\r?\n/, ''));
  return { meta: JSON.parse(parts[0] || '{}'), raw: parts[1] ?? '' };
}

/** POST /upload/gmail/v1/users/{userId}/messages/send, as googleapis calls it for `media` uploads. */
export function gmailUploadRoutes(state: FakeGoogleState): Router {
  const router = express.Router();
  router.post(
    '/upload/gmail/v1/users/:userId/messages/send',
    requireScopes(state, GMAIL_SEND),
    express.raw({ type: () => true, limit: UPLOAD_MAX }),
    (req, res) => {
      const data = mailbox(state, req, res);
      if (!data) return;
      if (!['multipart', 'media'].includes(String(req.query.uploadType)))
        return googleError(res, 400, 'Invalid uploadType', 'invalid');
      const { meta, raw } = parseUpload(String(req.headers['content-type'] ?? ''), req.body as Buffer);
      const sent = sendRaw(state, res, data, raw, meta.threadId as string | undefined);
      if (sent) res.json({ id: sent.id, threadId: sent.threadId, labelIds: sent.labelIds });
    },
  );
  return router;
}
