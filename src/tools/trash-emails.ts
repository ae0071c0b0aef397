import { z } from 'zod';
import { callOptions } from './lib/call-options';
import { describeMessages, GMAIL_MODIFY_SCOPES } from './lib/mail-list';
import { defineTool } from './types';

export const trashEmails = defineTool({
  name: 'trash_emails',
  description:
    'Move emails to the Gmail Trash (recoverable there for 30 days). Only when the user asked to delete or trash specific mail; use ids from search_emails, never guessed. The user confirms a card listing each message.',
  input: z.object({
    messageIds: z
      .array(z.string().min(1))
      .min(1)
      .max(25)
      .describe('Ids of the messages to trash, from search_emails.'),
  }),
  scopes: GMAIL_MODIFY_SCOPES,
  sideEffect: true,
  async preview(args, ctx) {
    return {
      title: `Move ${args.messageIds.length} email${args.messageIds.length === 1 ? '' : 's'} to Trash`,
      fields: [{ label: 'Recoverable', value: "From Gmail's Trash for 30 days" }],
      body: await describeMessages(args.messageIds, ctx),
    };
  },
  async handler(args, ctx) {
    const gmail = ctx.google.gmail();
    await Promise.all(
      args.messageIds.map((id) => gmail.users.messages.trash({ userId: 'me', id }, callOptions(ctx))),
    );
    return { trashed: args.messageIds.length };
  },
});
