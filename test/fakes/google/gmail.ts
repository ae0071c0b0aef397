import express, { type Request, type Response, type Router } from 'express';
import type { gmail_v1 } from 'googleapis/build/src/apis/gmail';
import { googleError, grantOf, requireScopes } from './api-auth';
import type { FakeUserData } from './data';
import { compileGmailQuery, queryReachesTrash } from './gmail-query';
import { type MimePart, parseMime } from './mime';
import type { FakeGoogleState } from './state';

const G = 'https://www.googleapis.com/auth/';
/** Scopes Gmail accepts for reading mail (messages/threads/labels list and get). */
export const GMAIL_READ = [`${G}gmail.readonly`, `${G}gmail.modify`, 'https://mail.google.com/'];

type Message = gmail_v1.Schema$Message;

/** The account behind the token, or Google's 403 when the path names someone else's mailbox. */
export function mailbox(state: FakeGoogleState, req: Request, res: Response): FakeUserData | undefined {
  const sub = grantOf(res).sub;
  const userId = String(req.params.userId);
  if (userId !== 'me' && userId !== state.accounts.get(sub)?.email) {
    googleError(res, 403, `Delegation denied for ${state.accounts.get(sub)?.email}`, 'forbidden');
    return undefined;
  }
  return state.dataFor(sub);
}

/** A message in the requested format, as messages.get and threads.get return it. */
export function formatMessage(m: Message, format = 'full', metadataHeaders: string[] = []): Message {
  const { raw, payload, ...minimal } = m;
  if (format === 'minimal') return minimal;
  if (format === 'raw') return { ...minimal, raw };
  if (format === 'metadata') {
    const wanted = metadataHeaders.map((h) => h.toLowerCase());
    const headers = (payload?.headers ?? []).filter(
      (h) => !wanted.length || wanted.includes(h.name?.toLowerCase() ?? ''),
    );
    return {
      ...minimal,
      payload: { partId: '', mimeType: payload?.mimeType, filename: '', headers, body: { size: 0 } },
    };
  }
  return { ...minimal, payload };
}

const asList = (v: unknown): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)];

/** messages.list / threads.list filtering: q, labelIds (all must match), spam/trash rule, newest first. */
export function searchMessages(data: FakeUserData, query: Record<string, unknown>): Message[] {
  const q = String(query.q ?? '');
  const labelIds = asList(query.labelIds);
  const withTrash =
    query.includeSpamTrash === 'true' ||
    queryReachesTrash(q) ||
    labelIds.some((l) => l === 'TRASH' || l === 'SPAM');
  const test = compileGmailQuery(q, data.labels);
  return data.messages
    .filter((m) => withTrash || !(m.labelIds ?? []).some((l) => l === 'TRASH' || l === 'SPAM'))
    .filter((m) => labelIds.every((l) => (m.labelIds ?? []).includes(l)))
    .filter(
      (m) => !(m.labelIds ?? []).includes('DRAFT') || labelIds.includes('DRAFT') || /in:drafts?/.test(q),
    )
    .filter(test)
    .sort((a, b) => Number(b.internalDate) - Number(a.internalDate));
}

/** Offset-based page tokens; maxResults clamped to Gmail's 500. */
export function page<T>(
  items: T[],
  query: Record<string, unknown>,
  byDefault = 100,
): { items: T[]; nextPageToken?: string } {
  const size = Math.min(Number(query.maxResults ?? byDefault) || byDefault, 500);
  const start = query.pageToken ? Number.parseInt(String(query.pageToken), 36) : 0;
  const end = start + size;
  return { items: items.slice(start, end), nextPageToken: end < items.length ? end.toString(36) : undefined };
}

/** The bytes of attachment `att-<messageId>.<partId>`, found again in the stored raw message. */
function attachmentBytes(m: Message, attachmentId: string): Buffer | undefined {
  const partId = attachmentId.slice(`att-${m.id}.`.length);
  if (!attachmentId.startsWith(`att-${m.id}.`) || !m.raw) return undefined;
  let part: MimePart | undefined = parseMime(Buffer.from(m.raw, 'base64url').toString('utf8'));
  for (const index of partId.split('.')) part = part?.parts?.[Number(index)];
  return part?.filename ? part.body : undefined;
}

/** Gmail read routes: messages list/get, threads list/get, labels list/get. */
export function gmailRoutes(state: FakeGoogleState): Router {
  const router = express.Router();
  const read = requireScopes(state, GMAIL_READ);
  const base = '/gmail/v1/users/:userId';

  router.get(`${base}/messages`, read, (req, res) => {
    const data = mailbox(state, req, res);
    if (!data) return;
    const found = searchMessages(data, req.query);
    const { items, nextPageToken } = page(found, req.query);
    res.json({
      ...(items.length ? { messages: items.map((m) => ({ id: m.id, threadId: m.threadId })) } : {}),
      ...(nextPageToken ? { nextPageToken } : {}),
      resultSizeEstimate: found.length,
    });
  });

  router.get(`${base}/messages/:id`, read, (req, res) => {
    const data = mailbox(state, req, res);
    if (!data) return;
    const m = data.messages.find((x) => x.id === req.params.id);
    if (!m) return googleError(res, 404, 'Requested entity was not found.', 'notFound');
    res.json(formatMessage(m, String(req.query.format ?? 'full'), asList(req.query.metadataHeaders)));
  });

  router.get(`${base}/messages/:messageId/attachments/:id`, read, (req, res) => {
    const data = mailbox(state, req, res);
    if (!data) return;
    const m = data.messages.find((x) => x.id === req.params.messageId);
    const bytes = m && attachmentBytes(m, String(req.params.id));
    if (!bytes) return googleError(res, 404, 'Requested entity was not found.', 'notFound');
    res.json({ size: bytes.length, data: bytes.toString('base64url') });
  });

  router.get(`${base}/threads`, read, (req, res) => {
    const data = mailbox(state, req, res);
    if (!data) return;
    const seen = new Set<string>();
    const threads = searchMessages(data, req.query).filter(
      (m) => !seen.has(m.threadId ?? '') && seen.add(m.threadId ?? ''),
    );
    const { items, nextPageToken } = page(threads, req.query);
    res.json({
      ...(items.length
        ? { threads: items.map((m) => ({ id: m.threadId, snippet: m.snippet, historyId: m.historyId })) }
        : {}),
      ...(nextPageToken ? { nextPageToken } : {}),
      resultSizeEstimate: threads.length,
    });
  });

  router.get(`${base}/threads/:id`, read, (req, res) => {
    const data = mailbox(state, req, res);
    if (!data) return;
    const messages = data.messages
      .filter((m) => m.threadId === req.params.id)
      .sort((a, b) => Number(a.internalDate) - Number(b.internalDate));
    if (!messages.length) return googleError(res, 404, 'Requested entity was not found.', 'notFound');
    const format = String(req.query.format ?? 'full');
    const headers = asList(req.query.metadataHeaders);
    res.json({
      id: req.params.id,
      historyId: messages.at(-1)?.historyId,
      messages: messages.map((m) => formatMessage(m, format, headers)),
    });
  });

  router.get(`${base}/labels`, read, (req, res) => {
    const data = mailbox(state, req, res);
    if (data) res.json({ labels: data.labels });
  });

  router.get(`${base}/labels/:id`, read, (req, res) => {
    const data = mailbox(state, req, res);
    if (!data) return;
    const label = data.labels.find((l) => l.id === req.params.id);
    if (!label) return googleError(res, 404, 'Requested entity was not found.', 'notFound');
    const withLabel = data.messages.filter((m) => m.labelIds?.includes(label.id ?? ''));
    res.json({
      ...label,
      messagesTotal: withLabel.length,
      messagesUnread: withLabel.filter((m) => m.labelIds?.includes('UNREAD')).length,
    });
  });

  return router;
}
