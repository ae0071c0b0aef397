/**
 * Cut text into pieces of at most `max` characters, at a paragraph break if there is one in the
 * second half of the window, else a line break, else a space: Slack rejects or truncates longer
 * section texts, and a cut mid-word reads badly.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = -1;
    for (const sep of ['\n\n', '\n', ' ']) {
      const at = window.lastIndexOf(sep);
      if (at >= max / 2) {
        cut = at;
        break;
      }
    }
    if (cut === -1) cut = max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
