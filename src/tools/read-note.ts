import { z } from 'zod';
import { callOptions } from './lib/call-options';
import { KEEP_SCOPES, summarizeNote, unlessKeepClosed } from './lib/keep';
import { defineTool } from './types';

export const readNote = defineTool({
  name: 'read_note',
  description:
    'Read one Google Keep note in full (text, or a checklist as [x]/[ ] lines). Use the note id ("notes/…") from list_notes; never guess it.',
  input: z.object({
    noteId: z.string().min(1).describe('The note id from list_notes, e.g. "notes/1a2b3c".'),
  }),
  scopes: KEEP_SCOPES,
  sideEffect: false,
  handler: (input, ctx) =>
    unlessKeepClosed(async () => {
      const name = input.noteId.startsWith('notes/') ? input.noteId : `notes/${input.noteId}`;
      const res = await ctx.google.keep().notes.get({ name }, callOptions(ctx));
      return summarizeNote(res.data, ctx.timeZone, 20_000);
    }),
});
