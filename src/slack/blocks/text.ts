import type { types } from '@slack/bolt';

export type Block = types.KnownBlock;

/**
 * Slack mrkdwn treats &, < and > as control characters: `<!channel>` in an event title would ping
 * a whole channel. Everything that comes from Google or a person goes through this first.
 */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A mrkdwn link; the URL may not contain the characters that end Slack's <url|label> syntax. */
export function link(url: string, label: string): string {
  const safeUrl = url.replace(/\|/g, '%7C').replace(/>/g, '%3E').replace(/</g, '%3C');
  return `<${safeUrl}|${esc(label).replace(/\|/g, '¦')}>`;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Slack caps a section's text at 3000 characters. */
export const SECTION_MAX = 3000;

export const section = (text: string): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncate(text, SECTION_MAX) },
});

export const context = (text: string): Block => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: truncate(text, SECTION_MAX) }],
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
