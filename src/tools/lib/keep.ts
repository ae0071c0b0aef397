import type { keep_v1 } from 'googleapis/build/src/apis/keep';
import { httpStatusOf, isInsufficientScope } from '../../google/errors';
import { SCOPES } from '../../google/scopes';
import { toLocalIso } from '../../time/zone';

export const KEEP_SCOPES = [SCOPES.keepReadonly, SCOPES.keep];

/** The one line the user gets when Google will not serve Keep to this account (it is data, not a failure). */
export const KEEP_UNAVAILABLE =
  "Google Keep isn't available for this account: Google only opens the Keep API to Google Workspace accounts whose admin has allowed it, so personal Gmail accounts can't be read.";

/**
 * Run a Keep call; a plain PERMISSION_DENIED (not a missing scope) means Keep is closed to this
 * account, which is answered with the explanation instead of an error.
 */
export async function unlessKeepClosed<T>(
  call: () => Promise<T>,
): Promise<T | { keepUnavailable: true; explanation: string }> {
  try {
    return await call();
  } catch (err) {
    if (httpStatusOf(err) === 403 && !isInsufficientScope(err))
      return { keepUnavailable: true, explanation: KEEP_UNAVAILABLE };
    throw err;
  }
}

type ListItem = keep_v1.Schema$ListItem;

function checklist(items: ListItem[] | undefined, depth = 0): string[] {
  return (items ?? []).flatMap((i) => [
    `${'  '.repeat(depth)}[${i.checked ? 'x' : ' '}] ${i.text?.text ?? ''}`,
    ...checklist(i.childListItems ?? undefined, depth + 1),
  ]);
}

/** A note's content as text: its body, or its checklist as "[x] item" lines. */
export function noteText(note: keep_v1.Schema$Note): string {
  if (note.body?.list) return checklist(note.body.list.listItems ?? undefined).join('\n');
  return note.body?.text?.text ?? '';
}

export function summarizeNote(note: keep_v1.Schema$Note, timeZone: string, maxChars: number) {
  const text = noteText(note);
  return {
    id: note.name,
    title: note.title || '(untitled)',
    text: text.length > maxChars ? `${text.slice(0, maxChars)}…` : text,
    ...(note.body?.list ? { checklist: true } : {}),
    ...(note.updateTime ? { updated: toLocalIso(new Date(note.updateTime), timeZone) } : {}),
    ...(note.trashed ? { trashed: true } : {}),
    ...(note.attachments?.length ? { attachments: note.attachments.length } : {}),
  };
}
