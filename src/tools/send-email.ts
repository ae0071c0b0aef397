import { callOptions } from './lib/call-options';
import { GMAIL_SEND_SCOPES, mailPreview, newMail, newMailInput } from './lib/compose';
import { toRaw } from './lib/mime';
import { recoverMail } from './lib/sent-mail';
import { defineTool } from './types';

export const sendEmail = defineTool({
  name: 'send_email',
  description:
    "Send a new email (not a reply: use reply_to_email for that) from the user's Gmail. The user sees a card with the exact recipients, subject and body and must confirm. Use only addresses the user gave or that appear in their data; never guess one. If the user asked for a draft, use create_email_draft instead.",
  input: newMailInput,
  scopes: GMAIL_SEND_SCOPES,
  sideEffect: true,
  preview: (input, ctx) => mailPreview('Send email', newMail(input, ctx)),
  recover: recoverMail('sent'),
  async handler(input, ctx) {
    const res = await ctx.google
      .gmail()
      .users.messages.send(
        { userId: 'me', requestBody: { raw: toRaw(newMail(input, ctx)) } },
        callOptions(ctx),
      );
    return {
      sent: true,
      messageId: res.data.id,
      threadId: res.data.threadId,
      to: input.to,
      subject: input.subject,
    };
  },
});
