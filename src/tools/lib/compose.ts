import { z } from 'zod';
import { SCOPES } from '../../google/scopes';
import type { ActionPreview, ToolContext } from '../types';
import { formatMailbox, type Mailbox, recipientsField } from './addresses';
import type { OutgoingMail } from './mime';

/** gmail.send, compose or modify each allow sending; drafts need compose or modify. */
export const GMAIL_SEND_SCOPES = [SCOPES.gmailSend, SCOPES.gmailCompose, SCOPES.gmailModify];
export const GMAIL_DRAFT_SCOPES = [SCOPES.gmailCompose, SCOPES.gmailModify];

/** Input fields shared by send_email and create_email_draft. */
export const newMailInput = z.object({
  to: recipientsField('Recipients').min(1),
  cc: recipientsField('Cc recipients').optional(),
  bcc: recipientsField('Bcc recipients').optional(),
  subject: z.string().max(300).describe('Subject line, as the user wants it.'),
  body: z
    .string()
    .min(1)
    .max(50_000)
    .describe(
      "Plain-text body, written in full (signed with the user's name if appropriate). Never include content the user did not ask to send.",
    ),
});
export type NewMailInput = z.infer<typeof newMailInput>;

export const selfMailbox = (ctx: ToolContext): Mailbox => ({
  ...(ctx.user.name ? { name: ctx.user.name } : {}),
  email: ctx.user.email,
});

const toMailboxes = (list: string[] | undefined): Mailbox[] =>
  (list ?? []).map((email) => ({ email: email.trim() }));

export function newMail(input: NewMailInput, ctx: ToolContext): OutgoingMail {
  return {
    from: selfMailbox(ctx),
    to: toMailboxes(input.to),
    cc: toMailboxes(input.cc),
    bcc: toMailboxes(input.bcc),
    subject: input.subject,
    text: input.body,
    ...(ctx.action ? { messageId: ctx.action.messageId } : {}),
  };
}

const kb = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${Math.round(bytes / 1024)} KB`);

/** The confirmation card for any outgoing mail: every recipient, the subject and the whole body. */
export function mailPreview(
  title: string,
  mail: OutgoingMail,
  extra: { label: string; value: string }[] = [],
  attachments: { filename: string; size: number }[] = [],
): ActionPreview {
  const fields = [{ label: 'To', value: mail.to.map(formatMailbox).join(', ') }];
  if (mail.cc?.length) fields.push({ label: 'Cc', value: mail.cc.map(formatMailbox).join(', ') });
  if (mail.bcc?.length) fields.push({ label: 'Bcc', value: mail.bcc.map(formatMailbox).join(', ') });
  fields.push({ label: 'Subject', value: mail.subject || '(no subject)' }, ...extra);
  if (attachments.length) {
    fields.push({
      label: 'Attachments',
      value: attachments.map((a) => `${a.filename} (${kb(a.size)})`).join(', '),
    });
  }
  return { title, fields, body: mail.text };
}
