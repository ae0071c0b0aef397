import { esc, link } from '../blocks/text';

const MD_LINK = /\[([^\]\n]*)\]\(([^)\s]+)\)/g;
const FENCE = /(```[\s\S]*?```)/g;

/** Inline Markdown → Slack mrkdwn for one stretch of text outside code fences. */
function convertInline(text: string): string {
  const links: string[] = [];
  // Links become placeholders so escaping and emphasis rules never touch URLs.
  let out = text.replace(MD_LINK, (_m, label: string, url: string) => {
    links.push(link(url, label || url));
    return `\uE000${links.length - 1}\uE000`;
  });
  out = esc(out)
    .replace(/^#{1,6}\s+(.+?)\s*#*$/gm, '\uE001$1\uE001')
    .replace(/\*\*(.+?)\*\*|__(.+?)__/g, (_m, a, b) => `\uE001${a ?? b}\uE001`)
    .replace(/(^|[^\w*])\*(?!\s)([^*\n]+?)\*(?!\w)/g, '$1_$2_')
    .replace(/~~(.+?)~~/g, '~$1~')
    .replace(/^(\s*)[*+-]\s+/gm, '$1• ')
    .replace(/\uE001/g, '*');
  return out.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => links[Number(i)]);
}

/** Gemini writes Markdown; chat.postMessage sections speak mrkdwn. Code fences are kept as they are. */
export function toMrkdwn(markdown: string): string {
  return markdown
    .split(FENCE)
    .map((piece) => (piece.startsWith('```') ? esc(piece) : convertInline(piece)))
    .join('');
}
