import { SCOPES } from '../../google/scopes';
import type { ToolContext } from '../types';
import { callOptions } from './call-options';
import { header } from './mail-read';

/** Organising mail (labels, archive, read state, trash) needs gmail.modify. */
export const GMAIL_MODIFY_SCOPES = [SCOPES.gmailModify];

/** `"Subject" from Sender`, one per message, for a card that says which mail an action touches. */
export async function describeMessages(ids: string[], ctx: ToolContext): Promise<string> {
  const gmail = ctx.google.gmail();
  const lines = await Promise.all(
    ids.map(async (id) => {
      const res = await gmail.users.messages.get(
        { userId: 'me', id, format: 'metadata', metadataHeaders: ['From', 'Subject'] },
        callOptions(ctx),
      );
      return `• "${header(res.data, 'Subject') ?? '(no subject)'}" from ${header(res.data, 'From') ?? 'unknown sender'}`;
    }),
  );
  return lines.join('\n');
}
