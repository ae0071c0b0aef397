import assert from 'node:assert/strict';
import { HTML_STEP_CHARS, HtmlStripper, htmlToText } from '../../src/tools/lib/html-text';

const strip = (slices: string[]) => {
  const s = new HtmlStripper();
  return slices.map((x) => s.push(x)).join('') + s.end();
};

/** `text` cut into pieces at every `n` characters. */
const sliced = (text: string, n: number) =>
  Array.from({ length: Math.ceil(text.length / n) }, (_, i) => text.slice(i * n, (i + 1) * n));

describe('HTML mail to text in bounded steps', () => {
  const sample =
    '<html><HEAD><title>t</title><Style>p{color:red}</style></HEAD><body>' +
    '<!-- a comment with <p>markup</p> --><p style="color:red">Hello <b>Ada</b></p>' +
    "<img src='data:image/png;base64,iVBORw0KGgo+/='><script>alert(1)</script>" +
    '<header>Kept header</header><p class="x">Bye</p></body></html>';

  it('drops head, style, script, comments, style attributes and inline image data, keeping the rest', () => {
    assert.equal(
      strip([sample]),
      '<html><body><p>Hello <b>Ada</b></p><img src=\'data:\'><header>Kept header</header><p class="x">Bye</p></body></html>',
    );
  });

  it('strips the same however the HTML is sliced (an opener or close split between slices is still found)', () => {
    const whole = strip([sample]);
    for (let n = 1; n <= 40; n++) assert.equal(strip(sliced(sample, n)), whole, `slices of ${n}`);
  });

  it('an unclosed comment or style drops the rest, and thousands of unclosed openers stay linear', () => {
    assert.equal(strip(['<p>a</p><!-- never closed <p>b</p>']), '<p>a</p>');
    assert.equal(strip(['<p>a</p><style>p{}', '<p>b</p>']), '<p>a</p>');
    // Each unclosed <style> would make a naive lazy regex rescan to the end: n² on hostile input.
    const hostile = `<p>start</p>${'<!-- <style'.repeat(50_000)}`;
    assert.equal(strip(sliced(hostile, 32 * 1024)), '<p>start</p>');
  });

  it('converts in steps, with tables as blocks, links kept and images skipped', async () => {
    const rows = Array.from(
      { length: 2000 },
      (_, i) => `<tr><td>Row ${i}</td><td><a href="https://x.example/${i}">link ${i}</a></td></tr>`,
    ).join('');
    const html = `<table>${rows}</table><p>The end</p>`;
    assert.ok(html.length > 10 * HTML_STEP_CHARS);
    const { text, truncated } = await htmlToText(sliced(html, 30_000), 1_000_000);
    assert.equal(truncated, false);
    const lines = text.split(/\n+/);
    assert.deepEqual(lines.slice(0, 3), ['Row 0', 'link 0 [https://x.example/0]', 'Row 1']);
    assert.deepEqual(lines.slice(-3), ['Row 1999', 'link 1999 [https://x.example/1999]', 'The end']);
    assert.equal(lines.length, 4001, 'no row lost or doubled between steps');
  });

  it('stops converting once the text is long enough, and says so', async () => {
    const html = '<p>words words words words</p>'.repeat(20_000);
    const { text, truncated } = await htmlToText(sliced(html, 32 * 1024), 2_000);
    assert.equal(truncated, true);
    assert.ok(text.length >= 2_000 && text.length < 2_000 + HTML_STEP_CHARS, `${text.length} characters`);
  });
});
