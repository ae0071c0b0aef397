import { z } from 'zod';
import { gmailThreadUrl } from '../google/links';
import { SCOPES } from '../google/scopes';
import { callOptions } from './lib/call-options';
import { METADATA_HEADERS, summarizeMessage } from './lib/mail-read';
import { defineTool } from './types';

export const GMAIL_READ_SCOPES = [SCOPES.gmailReadonly, SCOPES.gmailModify];

export const searchEmails = defineTool({
  name: 'search_emails',
  description:
    'Search the user\'s Gmail with Gmail search syntax and list matching messages (sender, subject, local date, snippet, ids). Use it to find mail before reading, replying, forwarding or organising it; message and thread ids come only from here, never guess them. Examples: "is:unread is:important", "from:priya subject:report newer_than:7d", "in:inbox label:receipts".',
  input: z.object({
    query: z
      .string()
      .max(500)
      .optional()
      .describe('Gmail search query (same syntax as the Gmail search box). Empty lists the newest mail.'),
    maxResults: z
      .number()
      .int()
      .min(1)
      .max(25)
      .optional()
      .describe('How many messages to return (default 10, at most 25).'),
    pageToken: z
      .string()
      .optional()
      .describe('nextPageToken from a previous search_emails call, to get the next page.'),
  }),
  scopes: GMAIL_READ_SCOPES,
  sideEffect: false,
  linkFields: ['gmailLink'],
  async handler(input, ctx) {
    const gmail = ctx.google.gmail();
    const list = await gmail.users.messages.list(
      {
        userId: 'me',
        q: input.query || undefined,
        maxResults: input.maxResults ?? 10,
        pageToken: input.pageToken,
      },
      callOptions(ctx),
    );
    const ids = (list.data.messages ?? []).map((m) => m.id ?? '').filter(Boolean);
    // Metadata only: a search never downloads bodies; read_email does that for the one that matters.
    const messages = await Promise.all(
      ids.map((id) =>
        gmail.users.messages.get(
          { userId: 'me', id, format: 'metadata', metadataHeaders: METADATA_HEADERS },
          callOptions(ctx),
        ),
      ),
    );
    return {
      messages: messages.map((m) => ({
        ...summarizeMessage(m.data, ctx.timeZone),
        ...(m.data.threadId ? { gmailLink: gmailThreadUrl(ctx.user.email, m.data.threadId) } : {}),
      })),
      ...(list.data.nextPageToken ? { nextPageToken: list.data.nextPageToken } : {}),
      resultSizeEstimate: list.data.resultSizeEstimate ?? ids.length,
    };
  },
});
