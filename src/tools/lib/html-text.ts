import { setImmediate as nextTurn } from 'node:timers/promises';
import { compile } from 'html-to-text';

/**
 * HTML mail as readable text, in bounded steps. html-to-text builds a DOM of its whole input, so a
 * 15 MB mail held the event loop for ten seconds. Here the HTML arrives in slices (already cut to a
 * budget), what carries no text is dropped as it streams past (see HtmlStripper), and what is left
 * is converted 8 KB at a time, yielding to the event loop between steps and stopping as soon as the
 * text is long enough.
 */
const toText = compile({
  wordwrap: false,
  selectors: [
    { selector: 'img', format: 'skip' },
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    // Mail lays itself out with nested tables; their column layout costs far more than it shows.
    { selector: 'table', format: 'block' },
    { selector: 'tr', format: 'block' },
    { selector: 'td', format: 'block' },
    { selector: 'th', format: 'block' },
  ],
});

/** Most HTML converted in one step: a few milliseconds of work even on a busy machine. */
export const HTML_STEP_CHARS = 8 * 1024;

/**
 * What carries no text, from its opener to its close: comments, <head>, <style>, <script>, style
 * attributes, and inline images — megabytes of base64 in a data: URI, whose attribute stays, empty.
 */
const OPENERS: { open: string; close: RegExp; keepOpener?: true }[] = [
  { open: '<!--', close: /-->/g },
  { open: '<head[\\s>]', close: /<\/head>/gi },
  { open: '<style', close: /<\/style>/gi },
  { open: '<script', close: /<\/script>/gi },
  { open: '=\\s*["\']?data:', close: /(?=["'\s>])/g, keepOpener: true },
  { open: '\\sstyle\\s*=\\s*"', close: /"/g },
  { open: "\\sstyle\\s*=\\s*'", close: /'/g },
];
const OPENER = new RegExp(OPENERS.map((o) => `(${o.open})`).join('|'), 'gi');
/** Longer than any opener's or close's text, so one cut between two slices is found once they meet. */
const HOLD_BACK = 24;

/** The first match of `re` at or after `from`, or null. */
function search(re: RegExp, text: string, from: number): RegExpExecArray | null {
  re.lastIndex = from;
  return re.exec(text);
}

/**
 * Drops what carries no text from HTML that arrives in slices. Every search moves forward only, so
 * the work is linear in the input whatever it holds (unclosed comments, thousands of <style>s), and
 * what is cut between two slices is found when they meet.
 */
export class HtmlStripper {
  private skipping: RegExp | undefined;
  private tail = '';

  push(slice: string): string {
    const buf = this.tail + slice;
    let out = '';
    let i = 0;
    for (;;) {
      if (this.skipping) {
        const close = search(this.skipping, buf, i);
        if (!close) {
          this.tail = buf.slice(Math.max(i, buf.length - HOLD_BACK));
          return out;
        }
        i = close.index + close[0].length;
        this.skipping = undefined;
        continue;
      }
      const m = search(OPENER, buf, i);
      if (!m) {
        const keep = Math.max(i, buf.length - HOLD_BACK);
        this.tail = buf.slice(keep);
        return out + buf.slice(i, keep);
      }
      const rule = OPENERS[m.slice(1).findIndex((g) => g !== undefined)];
      out += buf.slice(i, m.index) + (rule.keepOpener ? m[0] : '');
      i = m.index + m[0].length;
      this.skipping = rule.close;
    }
  }

  /** What is left once the last slice was pushed. */
  end(): string {
    const rest = this.skipping ? '' : this.tail;
    this.tail = '';
    this.skipping = undefined;
    return rest;
  }
}

/** Where to end a step: after the last tag close before the step's size, so no tag is split. */
function stepEnd(html: string): number {
  if (html.length <= HTML_STEP_CHARS) return html.length;
  const close = html.lastIndexOf('>', HTML_STEP_CHARS);
  return close > 0 ? close + 1 : HTML_STEP_CHARS;
}

/**
 * The text of HTML given in slices, up to about `maxChars` characters. `truncated` says that some
 * of the HTML was not converted because the text was already long enough.
 */
export async function htmlToText(
  slices: Iterable<string>,
  maxChars: number,
): Promise<{ text: string; truncated: boolean }> {
  const stripper = new HtmlStripper();
  const pieces: string[] = [];
  let length = 0;
  let pending = '';
  const convert = async (html: string) => {
    await nextTurn();
    const piece = toText(html).trim();
    if (piece) {
      pieces.push(piece);
      length += piece.length + 1;
    }
  };
  let done = true;
  for (const slice of slices) {
    await nextTurn();
    pending += stripper.push(slice);
    while (pending.length >= HTML_STEP_CHARS && length <= maxChars) {
      const end = stepEnd(pending);
      await convert(pending.slice(0, end));
      pending = pending.slice(end);
    }
    if (length > maxChars) {
      done = false;
      break;
    }
  }
  if (done) {
    pending += stripper.end();
    while (pending && length <= maxChars) {
      const end = stepEnd(pending);
      await convert(pending.slice(0, end));
      pending = pending.slice(end);
    }
  }
  return { text: pieces.join('\n'), truncated: !done || pending.length > 0 };
}
