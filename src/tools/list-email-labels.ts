import { z } from 'zod';
import { callOptions } from './lib/call-options';
import { GMAIL_READ_SCOPES } from './search-emails';
import { defineTool } from './types';

export const listEmailLabels = defineTool({
  name: 'list_email_labels',
  description:
    "List the user's Gmail labels (system ones like INBOX, STARRED and their own). Use it to find the exact name of a label before searching with label: or organising mail with one.",
  input: z.object({}),
  scopes: GMAIL_READ_SCOPES,
  sideEffect: false,
  async handler(_input, ctx) {
    const res = await ctx.google.gmail().users.labels.list({ userId: 'me' }, callOptions(ctx));
    const labels = res.data.labels ?? [];
    return {
      labels: labels
        .map((l) => ({ id: l.id, name: l.name, type: l.type }))
        .sort((a, b) =>
          a.type === b.type ? (a.name ?? '').localeCompare(b.name ?? '') : a.type === 'system' ? -1 : 1,
        ),
    };
  },
});
