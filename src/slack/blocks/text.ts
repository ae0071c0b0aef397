import type { types } from '@slack/bolt';

export type Block = types.KnownBlock;

/**
 * Slack mrkdwn treats &, < and > as control characters: `<!channel>` in an event title would ping
 * a whole channel. Everything that comes from Google or a person goes through this first.
 */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * `esc(text)` cut to at most `max` characters *after* escaping: escaping can make text five times
 * longer, so cutting first can still overflow a Slack limit, and cutting after can split `&amp;`.
 */
export function escCapped(text: string, max: number): string {
  const full = esc(text);
  if (full.length <= max) return full;
  let out = '';
  for (const ch of text) {
    const piece = ENTITY[ch] ?? ch;
    if (out.length + piece.length > max - 1) break;
    out += piece;
  }
  return `${out}…`;
}

/** A mrkdwn link; the URL may not contain the characters that end Slack's <url|label> syntax. */
export function link(url: string, label: string): string {
  const safeUrl = url
    .replace(/\|/g, '%7C')
    .replace(/>/g, '%3E')
    .replace(/</g, '%3C')
    .replace(/\s/g, (c) => encodeURIComponent(c));
  return `<${safeUrl}|${esc(label).replace(/\|/g, '¦')}>`;
}

/**
 * At most `max` UTF-16 units, ending in "…" when cut. Never splits a surrogate pair: half an emoji
 * is an unpaired surrogate, which renders as � at best.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** Slack caps a section's text at 3000 characters. */
export const SECTION_MAX = 3000;

/**
 * verbatim: Slack still renders formatting and explicit `<url|label>` links, but does not turn
 * plain text into links or mentions — the text in these blocks comes from Google or a person.
 */
export const section = (text: string): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncate(text, SECTION_MAX), verbatim: true },
});

export const context = (text: string): Block => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: truncate(text, SECTION_MAX), verbatim: true }],
});

export const header = (text: string): Block => ({
  type: 'header',
  text: { type: 'plain_text', text: truncate(text, 150), emoji: true },
});

export const divider = (): Block => ({ type: 'divider' });

/** What a message shows in notifications and to screen readers when blocks cannot render. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}
