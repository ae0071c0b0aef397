import type { gmail_v1 } from 'googleapis/build/src/apis/gmail';
import { z } from 'zod';
import { parseAddressList, uniqueMailboxes } from './lib/addresses';
import { callOptions } from './lib/call-options';
import { GMAIL_SEND_SCOPES, mailPreview, selfMailbox } from './lib/compose';
import { header } from './lib/mail-read';
import { type OutgoingMail, toRaw } from './lib/mime';
import { recoverMail } from './lib/sent-mail';
import { defineTool, type ToolContext } from './types';

const input = z.object({
  messageId: z
    .string()
    .min(1)
    .describe('Id of the message being answered (from search_emails or read_email_thread); never guess it.'),
  body: z.string().min(1).max(50_000).describe('Plain-text reply, written in full.'),
  replyAll: z
    .boolean()
    .optional()
    .describe(
      'True to answer everyone on the message (To and Cc, minus the user); default false: only the sender.',
    ),
  saveAsDraft: z
    .boolean()
    .optional()
    .describe('True to save the reply as a draft in the thread instead of sending it.'),
});
type Input = z.infer<typeof input>;

const REPLY_HEADERS = ['From', 'To', 'Cc', 'Reply-To', 'Subject', 'Message-ID', 'References', 'In-Reply-To'];

/** "Re: x" once, however many times the conversation went back and forth. */
export const replySubject = (subject: string | undefined) => {
  const s = (subject ?? '').trim();
  return /^re:/i.test(s) ? s : `Re: ${s}`;
};

/**
 * The reply as RFC 5322 threading wants it: In-Reply-To the parent's Message-ID, References the
 * parent's References (or In-Reply-To) plus that id, same threadId. The sender is answered at their
 * Reply-To; when the parent is the user's own mail, the reply goes to its recipients instead.
 */
export function planReply(
  original: gmail_v1.Schema$Message,
  input: Input,
  ctx: ToolContext,
): { mail: OutgoingMail; threadId: string } {
  const self = ctx.user.email.toLowerCase();
  const from = parseAddressList(header(original, 'From'));
  const sentByMe = from.some((m) => m.email.toLowerCase() === self);
  const to = parseAddressList(header(original, 'To'));
  const cc = parseAddressList(header(original, 'Cc'));
  const replyTo = parseAddressList(header(original, 'Reply-To'));
  const primary = sentByMe ? to : replyTo.length ? replyTo : from;
  const toList = uniqueMailboxes(input.replyAll ? [...primary, ...(sentByMe ? [] : to)] : primary, [self]);
  const ccList = input.replyAll ? uniqueMailboxes(cc, [self, ...toList.map((m) => m.email)]) : [];
  const messageId = header(original, 'Message-ID');
  const parentRefs = header(original, 'References') ?? header(original, 'In-Reply-To') ?? '';
  return {
    threadId: original.threadId ?? '',
    mail: {
      from: selfMailbox(ctx),
      to: toList.length ? toList : from,
      cc: ccList,
      subject: replySubject(header(original, 'Subject')),
      text: input.body,
      ...(ctx.action ? { messageId: ctx.action.messageId } : {}),
      ...(messageId
        ? { inReplyTo: messageId, references: [parentRefs, messageId].filter(Boolean).join(' ') }
        : {}),
    },
  };
}

async function loadOriginal(input: Input, ctx: ToolContext) {
  const res = await ctx.google
    .gmail()
    .users.messages.get(
      { userId: 'me', id: input.messageId, format: 'metadata', metadataHeaders: REPLY_HEADERS },
      callOptions(ctx),
    );
  return res.data;
}

export const replyToEmail = defineTool({
  name: 'reply_to_email',
  description:
    'Reply to an email in its thread (Re: subject, In-Reply-To/References headers), to the sender or, with replyAll, to everyone on it. Can save the reply as a draft instead of sending. The user confirms a card showing the exact recipients and text. Needs the message id from search_emails; never guess it.',
  input,
  scopes: GMAIL_SEND_SCOPES,
  sideEffect: true,
  async preview(args, ctx) {
    const original = await loadOriginal(args, ctx);
    const { mail } = planReply(original, args, ctx);
    const inReplyTo = {
      label: 'In reply to',
      value: `${header(original, 'From')} — "${header(original, 'Subject') ?? ''}"`,
    };
    return mailPreview(
      args.saveAsDraft ? 'Save reply as draft' : args.replyAll ? 'Reply to all' : 'Reply',
      mail,
      [inReplyTo],
    );
  },
  recover: (args, ctx) => recoverMail(args.saveAsDraft ? 'drafts' : 'sent')(args, ctx),
  async handler(args, ctx) {
    const { mail, threadId } = planReply(await loadOriginal(args, ctx), args, ctx);
    const message = { raw: toRaw(mail), threadId };
    const gmail = ctx.google.gmail();
    if (args.saveAsDraft) {
      const res = await gmail.users.drafts.create(
        { userId: 'me', requestBody: { message } },
        callOptions(ctx),
      );
      return {
        drafted: true,
        draftId: res.data.id,
        threadId: res.data.message?.threadId,
        to: mail.to.map((m) => m.email),
      };
    }
    const res = await gmail.users.messages.send({ userId: 'me', requestBody: message }, callOptions(ctx));
    return {
      sent: true,
      messageId: res.data.id,
      threadId: res.data.threadId,
      to: mail.to.map((m) => m.email),
      cc: (mail.cc ?? []).map((m) => m.email),
      subject: mail.subject,
    };
  },
});
