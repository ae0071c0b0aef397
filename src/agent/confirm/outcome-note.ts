import type { Content } from '@google/genai';
import type { ActionPreview } from '../../tools/types';

const MAX_RESULT = 1500;

/**
 * What the model learns in the next turn about a card: written into the conversation as a note
 * (not as the person's words), with the tool's result so it can refer to, say, the draft it made.
 */
export function outcomeNote(
  preview: ActionPreview,
  outcome:
    | { kind: 'done'; result: unknown }
    | { kind: 'failed'; error: string }
    | { kind: 'unknown'; detail: string }
    | { kind: 'cancelled' },
): Content {
  let text: string;
  if (outcome.kind === 'done') {
    const result = JSON.stringify(outcome.result ?? null).slice(0, MAX_RESULT);
    text = `The person clicked Confirm on "${preview.title}" and it was carried out. Result: ${result}`;
  } else if (outcome.kind === 'failed') {
    text = `The person clicked Confirm on "${preview.title}", but it failed: ${outcome.error}`;
  } else if (outcome.kind === 'unknown') {
    text = `The person clicked Confirm on "${preview.title}", but Lume was interrupted and cannot tell whether it was carried out (${outcome.detail}). Do not propose it again unless the person asks after checking.`;
  } else {
    text = `The person clicked Cancel on "${preview.title}"; nothing was changed.`;
  }
  return { role: 'user', parts: [{ text: `[Note from Lume, not typed by the person] ${text}` }] };
}
