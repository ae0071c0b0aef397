import { z } from 'zod';
import { SCOPES } from '../../google/scopes';
import { ToolInputError } from '../errors';
import type { ActionPreview, ToolContext } from '../types';
import { addressWarnings, formatMailbox, type Mailbox, recipientsField } from './addresses';
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

/**
 * Most recipients one message from Lume may have (To, Cc and Bcc together). A card must show every
 * one of them, and a person cannot check more than this by eye; bulk mail is not what Lume is for.
 */
export const MAX_RECIPIENTS = 50;

/** Refuse, with the reason, a message to more people than a card can honestly show. */
export function checkRecipients(mail: OutgoingMail): void {
  const n = mail.to.length + (mail.cc?.length ?? 0) + (mail.bcc?.length ?? 0);
  if (n > MAX_RECIPIENTS)
    throw new ToolInputError(
      `This message would go to ${n} people; Lume sends to at most ${MAX_RECIPIENTS} at once, so that the card can show every one of them. Send it from Gmail, or to fewer people.`,
    );
}

const listed = (label: string, list: Mailbox[]) => ({
  label: `${label} (${list.length})`,
  value: list.map(formatMailbox).join(', '),
});

/**
 * The confirmation card for any outgoing mail: every recipient with their count (never cut: the card
 * lays a long list over as many blocks as it needs), what to look twice at, the subject and the whole
 * body. Too many recipients is refused here, before any card.
 */
export function mailPreview(
  title: string,
  mail: OutgoingMail,
  extra: { label: string; value: string }[] = [],
  attachments: { filename: string; size: number }[] = [],
): ActionPreview {
  checkRecipients(mail);
  const fields = [listed('To', mail.to)];
  if (mail.cc?.length) fields.push(listed('Cc', mail.cc));
  if (mail.bcc?.length) fields.push(listed('Bcc', mail.bcc));
  fields.push({ label: 'Subject', value: mail.subject || '(no subject)' }, ...extra);
  if (attachments.length) {
    fields.push({
      label: 'Attachments',
      value: attachments.map((a) => `${a.filename} (${kb(a.size)})`).join(', '),
    });
  }
  const warnings = [...mail.to, ...(mail.cc ?? []), ...(mail.bcc ?? [])].flatMap(addressWarnings);
  return { title, fields, body: mail.text, ...(warnings.length ? { warnings } : {}) };
}
