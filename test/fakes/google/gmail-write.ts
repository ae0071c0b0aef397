import express, { type Response, type Router } from 'express';
import type { gmail_v1 } from 'googleapis/build/src/apis/gmail';
import { googleError, grantOf, requireScopes } from './api-auth';
import type { FakeUserData } from './data';
import { formatMessage, mailbox } from './gmail';
import { headerOf, storeRawMessage } from './gmail-store';
import type { FakeGoogleState } from './state';

const G = 'https://www.googleapis.com/auth/';
const ALL = 'https://mail.google.com/';
export const GMAIL_SEND = [`${G}gmail.send`, `${G}gmail.compose`, `${G}gmail.modify`, ALL];
export const GMAIL_COMPOSE = [`${G}gmail.compose`, `${G}gmail.modify`, ALL];
export const GMAIL_MODIFY = [`${G}gmail.modify`, ALL];

const decode = (raw: unknown) => Buffer.from(String(raw ?? ''), 'base64url').toString('utf8');

let sentCounter = 0;

/**
 * Gmail keeps a well-formed Message-ID the client wrote and adds its own when there is none. With
 * `state.gmailReplacesMessageIds` it behaves as some submissions see: its own id in Message-ID, the
 * client's kept in X-Google-Original-Message-ID.
 */
function withMessageId(state: FakeGoogleState, raw: string): string {
  const [head] = raw.split(/\r?\n\r?\n/);
  const own = `<fake${++sentCounter}.${Date.now()}@mail.gmail.com>`;
  const given = /^message-id:\s*(.+)$/im.exec(head)?.[1]?.trim();
  if (!given) return `Message-ID: ${own}\r\n${raw}`;
  if (!state.gmailReplacesMessageIds) return raw;
  return raw.replace(/^message-id:.*$/im, `Message-ID: ${own}\r\nX-Google-Original-Message-ID: ${given}`);
}

/** Gmail sends as the authenticated user whatever From says, and refuses mail with no recipient. */
export function sendRaw(
  state: FakeGoogleState,
  res: Response,
  data: FakeUserData,
  raw: string,
  threadId?: string | null,
) {
  const email = state.accounts.get(grantOf(res).sub)?.email ?? '';
  const head = raw.split(/\r?\n\r?\n/)[0];
  const withFrom = /^from:/im.test(head) ? raw : `From: ${email}\r\n${raw}`;
  const stored = storeRawMessage(data, withMessageId(state, withFrom), {
    labelIds: ['SENT'],
    threadId,
    internalDate: Date.now(),
  });
  if (!['To', 'Cc', 'Bcc'].some((h) => headerOf(stored, h))) {
    data.messages.splice(data.messages.indexOf(stored), 1);
    googleError(res, 400, 'Recipient address required', 'invalidArgument');
    return undefined;
  }
  return stored;
}

const brief = (m: gmail_v1.Schema$Message) => ({ id: m.id, threadId: m.threadId, labelIds: m.labelIds });

/** Apply add/remove label ids as Gmail does, refusing ids the mailbox does not have. */
function relabel(
  data: FakeUserData,
  res: Response,
  targets: gmail_v1.Schema$Message[],
  add: string[] = [],
  remove: string[] = [],
): boolean {
  const unknown = [...add, ...remove].find((id) => !data.labels.some((l) => l.id === id));
  if (unknown) {
    googleError(res, 400, `Invalid label: ${unknown}`, 'invalidArgument');
    return false;
  }
  for (const m of targets)
    m.labelIds = [...new Set([...(m.labelIds ?? []).filter((l) => !remove.includes(l)), ...add])];
  return true;
}

/** Gmail write routes: send, drafts (create/list/get/update/send/delete), modify, trash, threads. */
export function gmailWriteRoutes(state: FakeGoogleState): Router {
  const router = express.Router();
  const base = '/gmail/v1/users/:userId';
  const message = (data: FakeUserData, res: Response, id: string) => {
    const m = data.messages.find((x) => x.id === id);
    if (!m) googleError(res, 404, 'Requested entity was not found.', 'notFound');
    return m;
  };
  const draftOf = (data: FakeUserData, res: Response, id: string) => {
    const d = data.drafts.find((x) => x.id === id);
    if (!d) googleError(res, 404, 'Requested entity was not found.', 'notFound');
    return d;
  };

  router.post(`${base}/messages/send`, requireScopes(state, GMAIL_SEND), (req, res) => {
    const data = mailbox(state, req, res);
    const sent = data && sendRaw(state, res, data, decode(req.body?.raw), req.body?.threadId);
    if (sent) res.json(brief(sent));
  });

  router.post(`${base}/drafts`, requireScopes(state, GMAIL_COMPOSE), (req, res) => {
    const data = mailbox(state, req, res);
    if (!data) return;
    const m = storeRawMessage(data, decode(req.body?.message?.raw), {
      labelIds: ['DRAFT'],
      threadId: req.body?.message?.threadId,
    });
    const draft = { id: `r${m.id}`, message: m };
    data.drafts.push(draft);
    res.json({ id: draft.id, message: brief(m) });
  });

  router.get(
    `${base}/drafts`,
    requireScopes(state, GMAIL_COMPOSE.concat(`${G}gmail.readonly`)),
    (req, res) => {
      const data = mailbox(state, req, res);
      if (data)
        res.json({
          drafts: data.drafts.map((d) => ({
            id: d.id,
            message: { id: d.message?.id, threadId: d.message?.threadId },
          })),
          resultSizeEstimate: data.drafts.length,
        });
    },
  );

  router.get(
    `${base}/drafts/:id`,
    requireScopes(state, GMAIL_COMPOSE.concat(`${G}gmail.readonly`)),
    (req, res) => {
      const data = mailbox(state, req, res);
      const d = data && draftOf(data, res, String(req.params.id));
      if (d?.message)
        res.json({ id: d.id, message: formatMessage(d.message, String(req.query.format ?? 'full')) });
    },
  );

  router.delete(`${base}/drafts/:id`, requireScopes(state, GMAIL_COMPOSE), (req, res) => {
    const data = mailbox(state, req, res);
    const d = data && draftOf(data, res, String(req.params.id));
    if (!data || !d) return;
    data.drafts.splice(data.drafts.indexOf(d), 1);
    data.messages = data.messages.filter((m) => m.id !== d.message?.id);
    res.status(204).end();
  });

  router.post(`${base}/drafts/send`, requireScopes(state, GMAIL_COMPOSE), (req, res) => {
    const data = mailbox(state, req, res);
    const d = data && draftOf(data, res, String(req.body?.id));
    if (!data || !d?.message) return;
    const sent = sendRaw(state, res, data, decode(d.message.raw), d.message.threadId);
    if (!sent) return;
    data.drafts.splice(data.drafts.indexOf(d), 1);
    data.messages = data.messages.filter((m) => m.id !== d.message?.id);
    res.json(brief(sent));
  });

  const modify = requireScopes(state, GMAIL_MODIFY);
  router.post(`${base}/messages/:id/modify`, modify, (req, res) => {
    const data = mailbox(state, req, res);
    const m = data && message(data, res, String(req.params.id));
    if (data && m && relabel(data, res, [m], req.body?.addLabelIds, req.body?.removeLabelIds))
      res.json(brief(m));
  });

  router.post(`${base}/messages/batchModify`, modify, (req, res) => {
    const data = mailbox(state, req, res);
    if (!data) return;
    const ids: string[] = req.body?.ids ?? [];
    const targets = data.messages.filter((m) => ids.includes(m.id ?? ''));
    if (relabel(data, res, targets, req.body?.addLabelIds, req.body?.removeLabelIds)) res.status(204).end();
  });

  for (const [verb, add, remove] of [
    ['trash', ['TRASH'], ['INBOX']],
    ['untrash', ['INBOX'], ['TRASH']],
  ] as const) {
    router.post(`${base}/messages/:id/${verb}`, modify, (req, res) => {
      const data = mailbox(state, req, res);
      const m = data && message(data, res, String(req.params.id));
      if (data && m && relabel(data, res, [m], [...add], [...remove])) res.json(brief(m));
    });
    router.post(`${base}/threads/:id/${verb}`, modify, (req, res) => {
      const data = mailbox(state, req, res);
      const thread = data?.messages.filter((m) => m.threadId === req.params.id) ?? [];
      if (data && !thread.length) return googleError(res, 404, 'Requested entity was not found.', 'notFound');
      if (data && relabel(data, res, thread, [...add], [...remove]))
        res.json({ id: req.params.id, messages: thread.map(brief) });
    });
  }

  router.post(`${base}/threads/:id/modify`, modify, (req, res) => {
    const data = mailbox(state, req, res);
    const thread = data?.messages.filter((m) => m.threadId === req.params.id) ?? [];
    if (data && !thread.length) return googleError(res, 404, 'Requested entity was not found.', 'notFound');
    if (data && relabel(data, res, thread, req.body?.addLabelIds, req.body?.removeLabelIds))
      res.json({ id: req.params.id, messages: thread.map(brief) });
  });

  return router;
}
