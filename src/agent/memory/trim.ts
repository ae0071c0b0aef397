import type { Content } from '@google/genai';

const startsTurn = (c: Content) =>
  c.role === 'user' &&
  !!c.parts?.some((p) => typeof p.text === 'string') &&
  !c.parts?.some((p) => p.functionResponse);

/**
 * Make stored history valid to send: it must open with a user's own words (never with a function
 * response whose call was trimmed away), and consecutive contents of one role are merged, as
 * happens when a confirmation outcome is noted right before the user's next message.
 */
export function normaliseHistory(history: Content[]): Content[] {
  const start = history.findIndex(startsTurn);
  if (start === -1) return [];
  const out: Content[] = [];
  for (const c of history.slice(start)) {
    const last = out.at(-1);
    if (last && last.role === c.role)
      out[out.length - 1] = { role: c.role, parts: [...(last.parts ?? []), ...(c.parts ?? [])] };
    else out.push({ role: c.role, parts: [...(c.parts ?? [])] });
  }
  return out;
}
