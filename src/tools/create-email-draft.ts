import { callOptions } from './lib/call-options';
import { GMAIL_DRAFT_SCOPES, mailPreview, newMail, newMailInput } from './lib/compose';
import { toRaw } from './lib/mime';
import { recoverMail } from './lib/sent-mail';
import { defineTool } from './types';

export const createEmailDraft = defineTool({
  name: 'create_email_draft',
  description:
    'Save a new email as a Gmail draft (nothing is sent; the user can edit and send it from Gmail). Use it when the user asks for a draft; for a draft reply use reply_to_email with saveAsDraft. Never guess recipient addresses.',
  input: newMailInput,
  scopes: GMAIL_DRAFT_SCOPES,
  sideEffect: true,
  preview: (input, ctx) => mailPreview('Save email draft', newMail(input, ctx)),
  recover: recoverMail('drafts'),
  async handler(input, ctx) {
    const res = await ctx.google
      .gmail()
      .users.drafts.create(
        { userId: 'me', requestBody: { message: { raw: toRaw(newMail(input, ctx)) } } },
        callOptions(ctx),
      );
    return { drafted: true, draftId: res.data.id, messageId: res.data.message?.id, subject: input.subject };
  },
});
