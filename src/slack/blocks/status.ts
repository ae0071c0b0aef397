import { type Block, context, esc, type SlackMessage, section } from './text';

export interface StatusView {
  email: string;
  granted: string[];
  missing: string[];
  assistantReady: boolean;
  mapsReady: boolean;
}

export function statusMessage(s: StatusView): SlackMessage {
  const blocks: Block[] = [
    section(`*Google account:* ${esc(s.email)} — connected :white_check_mark:`),
    section(`*Lume can use:* ${s.granted.length ? s.granted.join(', ') : 'nothing yet'}`),
  ];
  if (s.missing.length) {
    blocks.push(
      section(
        `*Not granted:* ${s.missing.join(', ')}. To add them, run \`/lume connect\` and leave them ticked on Google's consent screen.`,
      ),
    );
  }
  blocks.push(
    context(
      [
        s.assistantReady
          ? 'Assistant: ready — DM me a question'
          : 'Assistant: not set up on this server yet (an admin needs to add a Gemini API key)',
        s.mapsReady ? 'Places and travel times: on' : 'Places and travel times: off (no Maps API key)',
      ].join(' · '),
    ),
  );
  const text = `Connected as ${s.email}. Lume can use: ${s.granted.join(', ') || 'nothing yet'}.${
    s.missing.length ? ` Not granted: ${s.missing.join(', ')}.` : ''
  }`;
  return { text, blocks };
}

export function revokedMessageText(email: string): string {
  return `Lume no longer has access to ${esc(email)}: the Google grant was revoked. Connect again to continue.`;
}
