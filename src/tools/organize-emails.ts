import { z } from 'zod';
import { ToolInputError } from './errors';
import { callOptions } from './lib/call-options';
import { describeMessages, GMAIL_MODIFY_SCOPES } from './lib/mail-list';
import { defineTool, type ToolContext } from './types';

const input = z.object({
  messageIds: z
    .array(z.string().min(1))
    .min(1)
    .max(50)
    .describe('Ids of the messages to change, from search_emails; never guess them.'),
  archive: z
    .boolean()
    .optional()
    .describe('True to archive (remove from the inbox; the mail stays in All Mail).'),
  markAs: z.enum(['read', 'unread']).optional().describe('Mark the messages read or unread.'),
  star: z.boolean().optional().describe('True to star, false to unstar.'),
  addLabels: z
    .array(z.string())
    .optional()
    .describe('Names of existing labels to add (see list_email_labels).'),
  removeLabels: z.array(z.string()).optional().describe('Names of labels to remove.'),
});
type Input = z.infer<typeof input>;

/** Label names → ids (case-insensitive; ids accepted too); an unknown name is an error, never a new label. */
async function planLabels(args: Input, ctx: ToolContext) {
  const needsLookup = (args.addLabels?.length ?? 0) + (args.removeLabels?.length ?? 0) > 0;
  const labels = needsLookup
    ? ((await ctx.google.gmail().users.labels.list({ userId: 'me' }, callOptions(ctx))).data.labels ?? [])
    : [];
  const idOf = (name: string) => {
    const found = labels.find((l) => l.name?.toLowerCase() === name.toLowerCase() || l.id === name);
    if (!found?.id)
      throw new ToolInputError(
        `No Gmail label named "${name}". list_email_labels shows the existing labels.`,
      );
    return found.id;
  };
  const add = (args.addLabels ?? []).map(idOf);
  const remove = (args.removeLabels ?? []).map(idOf);
  const steps: string[] = [];
  // Each switch is a label change Gmail understands: archive = remove INBOX, read = remove UNREAD…
  const switches: [boolean, 'add' | 'remove', string, string][] = [
    [args.archive === true, 'remove', 'INBOX', 'Archive (remove from Inbox)'],
    [args.markAs === 'read', 'remove', 'UNREAD', 'Mark as read'],
    [args.markAs === 'unread', 'add', 'UNREAD', 'Mark as unread'],
    [args.star === true, 'add', 'STARRED', 'Star'],
    [args.star === false, 'remove', 'STARRED', 'Unstar'],
  ];
  for (const [on, kind, label, step] of switches) {
    if (!on) continue;
    (kind === 'add' ? add : remove).push(label);
    steps.push(step);
  }
  if (args.addLabels?.length) steps.push(`Add label ${args.addLabels.map((l) => `"${l}"`).join(', ')}`);
  if (args.removeLabels?.length)
    steps.push(`Remove label ${args.removeLabels.map((l) => `"${l}"`).join(', ')}`);
  if (!steps.length)
    throw new ToolInputError('Nothing to do: set archive, markAs, star, addLabels or removeLabels.');
  return { add: [...new Set(add)], remove: [...new Set(remove)], steps };
}

export const organizeEmails = defineTool({
  name: 'organize_emails',
  description:
    'Archive emails, mark them read or unread, star or unstar them, or add/remove existing labels, in one go. Use message ids from search_emails (never guessed) and label names from list_email_labels. The user confirms a card listing the messages and the changes.',
  input,
  scopes: GMAIL_MODIFY_SCOPES,
  sideEffect: true,
  async preview(args, ctx) {
    const [{ steps }, messages] = await Promise.all([
      planLabels(args, ctx),
      describeMessages(args.messageIds, ctx),
    ]);
    return {
      title: `Organise ${args.messageIds.length} email${args.messageIds.length === 1 ? '' : 's'}`,
      fields: [{ label: 'Changes', value: steps.join('; ') }],
      body: messages,
    };
  },
  async handler(args, ctx) {
    const { add, remove, steps } = await planLabels(args, ctx);
    await ctx.google
      .gmail()
      .users.messages.batchModify(
        { userId: 'me', requestBody: { ids: args.messageIds, addLabelIds: add, removeLabelIds: remove } },
        callOptions(ctx),
      );
    return { done: steps, messageCount: args.messageIds.length };
  },
});
