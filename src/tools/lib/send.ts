import type { ToolContext } from '../types';
import { callOptions } from './call-options';
import { buildMime, type OutgoingMail } from './mime';

/**
 * Google refuses a JSON request body over 5 MB ("Request payload size exceeds the limit"), and
 * `raw` is the message in base64, a third larger than the message. Mail that big (a forward with
 * a deck or a scan attached) goes through Gmail's upload endpoint instead, which takes up to 35 MB.
 */
const RAW_IN_JSON_MAX = 4 * 1024 * 1024;

/** Send a message (optionally in a thread), through the upload endpoint when it is too big for JSON. */
export async function sendMail(ctx: ToolContext, mail: OutgoingMail, threadId?: string | null) {
  const gmail = ctx.google.gmail();
  const mime = buildMime(mail);
  const raw = Buffer.from(mime, 'utf8').toString('base64url');
  const thread = threadId ? { threadId } : {};
  const res =
    raw.length <= RAW_IN_JSON_MAX
      ? await gmail.users.messages.send({ userId: 'me', requestBody: { raw, ...thread } }, callOptions(ctx))
      : await gmail.users.messages.send(
          { userId: 'me', requestBody: thread, media: { mimeType: 'message/rfc822', body: mime } },
          // googleapis applies a client's rootUrl to plain URLs only; an upload needs it per call.
          { ...callOptions(ctx), ...(ctx.google.rootUrl ? { rootUrl: `${ctx.google.rootUrl}/` } : {}) },
        );
  return res.data;
}
