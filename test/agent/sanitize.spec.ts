import assert from 'node:assert/strict';
import { LinkPolicy } from '../../src/agent/link-policy';
import { LineBuffer } from '../../src/slack/agent/line-buffer';
import { toMrkdwn } from '../../src/slack/agent/mrkdwn';
import { defuse, sanitizeMarkdown } from '../../src/slack/agent/sanitize';
import { splitText } from '../../src/slack/agent/split';

const MEET = 'https://meet.google.com/abc-defg-hij';
const PLACE = 'https://maps.example.net/place?id=42&x=1';

function policyWithData(): LinkPolicy {
  const p = new LinkPolicy();
  p.learn({ places: [{ name: 'Café', mapsLink: PLACE, website: 'https://cafe.example/menu' }] }, [
    'mapsLink',
  ]);
  return p;
}

describe('agent: answer sanitising (links, images, mentions)', () => {
  it('keeps links from a field the tool vouches for, even on other hosts; not others of the same result', () => {
    const out = sanitizeMarkdown(`Join [the call](${MEET}) — directions ${PLACE}`, policyWithData());
    assert.equal(out, `Join [the call](${MEET}) — directions ${PLACE}`);
    assert.equal(
      sanitizeMarkdown('menu https://cafe.example/menu', policyWithData()),
      'menu https[:]//cafe[.]example/menu',
    );
  });

  it('defuses a link the model made up to smuggle data out, keeping its label and showing where it went', () => {
    const out = sanitizeMarkdown(
      'Summary [here](https://evil.example/c?d=priya%40corp.com%20salary) and https://evil.example/x?secret=1',
      policyWithData(),
    );
    assert.equal(
      out,
      'Summary here (https[:]//evil[.]example/c?d=priya%40corp[.]com%20salary) and https[:]//evil[.]example/x?secret=1',
    );
  });

  it('removes every image, which would load its URL without a click', () => {
    const out = sanitizeMarkdown(
      `![chart](https://evil.example/p.png?d=secret) ![](${MEET})`,
      policyWithData(),
    );
    assert.doesNotMatch(out, /https?:/);
    assert.match(out, /\(image: chart\)/);
  });

  it('allows plain Google and Slack pages, but not with a query, fragment or credentials', () => {
    const p = new LinkPolicy();
    assert.ok(p.allows('https://calendar.google.com/calendar/r'));
    assert.ok(p.allows('https://slack.com/help/articles/123'));
    assert.ok(!p.allows('https://www.google.com/url?q=https://evil.example/?d=secret'), 'open redirect');
    assert.ok(!p.allows('https://docs.google.com/forms/d/e/X/formResponse?entry.1=secret'));
    assert.ok(!p.allows('https://mail.google.com/#inbox/secret'));
    assert.ok(!p.allows('https://user:pw@google.com/'));
    assert.ok(!p.allows('http://google.com/'), 'https only');
    assert.ok(!p.allows('https://google.com.evil.example/'), 'look-alike host');
    assert.ok(!p.allows('javascript:alert(1)'));
  });

  it('neutralises Slack-syntax links, bare www links and bare domains with a path', () => {
    const out = sanitizeMarkdown(
      '<https://evil.example/a?x=1|click> <!channel> www.evil.example/a?b evil.example/collect?d=1 ada@example.com',
      new LinkPolicy(),
    );
    assert.equal(
      out,
      'click (https[:]//evil[.]example/a?x=1) @\u200bchannel www[.]evil[.]example/a?b evil[.]example/collect?d=1 ada@example.com',
    );
  });

  it('sanitises a link label that is itself a URL', () => {
    const out = sanitizeMarkdown('[https://evil.example/?d=1](https://evil.example/?d=1)', new LinkPolicy());
    assert.equal(out, defuse('https://evil.example/?d=1'));
  });
});

describe('agent: Markdown to Slack mrkdwn', () => {
  it('converts emphasis, headings, lists and links, and escapes control characters', () => {
    const md = `# Tomorrow\n**Standup** at 9:30 & *quick*\n- [Join](${MEET})\n* <b>not html</b>\n~~old~~`;
    assert.equal(
      toMrkdwn(md),
      `*Tomorrow*\n*Standup* at 9:30 &amp; _quick_\n• <${MEET}|Join>\n• &lt;b&gt;not html&lt;/b&gt;\n~old~`,
    );
  });

  it('leaves code fences alone apart from escaping', () => {
    assert.equal(toMrkdwn('```\n**x** <y>\n```'), '```\n**x** &lt;y&gt;\n```');
  });
});

describe('agent: splitting long answers', () => {
  it('cuts under the limit at paragraph, then line, then word boundaries', () => {
    const para = 'word '.repeat(300).trim();
    const pieces = splitText(`${para}\n\n${para}\n\n${para}`, 2000);
    assert.ok(pieces.every((p) => p.length <= 2000));
    assert.equal(pieces.join(' ').split(/\s+/).length, 900, 'no word lost');
    assert.ok(pieces.every((p) => !p.startsWith(' ') && !p.endsWith(' ')));
  });

  it('hard-cuts a single token longer than the limit', () => {
    assert.deepEqual(
      splitText('x'.repeat(25), 10).map((p) => p.length),
      [10, 10, 5],
    );
  });
});

describe('agent: streamed text is released line by line', () => {
  it('holds a partial line (a link may still be arriving) until its newline', () => {
    const b = new LineBuffer();
    assert.equal(b.push('See [the doc](https://evil.exa'), '');
    assert.equal(b.push('mple/?d=1) now\nNext'), 'See [the doc](https://evil.example/?d=1) now\n');
    assert.equal(b.flush(), 'Next');
  });

  it('releases a very long line at its last space', () => {
    const b = new LineBuffer(20);
    assert.equal(b.push('aaaa bbbb cccc dddd eeee'), 'aaaa bbbb cccc dddd ');
  });
});
