import assert from 'node:assert/strict';
import { LinkPolicy } from '../../src/agent/link-policy';
import { defuse, sanitizeMarkdown } from '../../src/slack/agent/sanitize';

/**
 * In a thread the sanitised text goes to Slack as markdown_text exactly as sanitizeMarkdown leaves it
 * (no mrkdwn escaping after it), so every Markdown or Slack construct that makes a link or a ping has
 * to be caught here — not only https:// ones.
 */
describe('agent: sanitising link syntax beyond https', () => {
  const policy = new LinkPolicy();
  const clean = (text: string) => sanitizeMarkdown(text, policy);

  it('defuses autolinks and Slack links of any scheme, keeping a label', () => {
    assert.equal(clean('see <ftp://evil.example/ada-salary>'), 'see ftp[:]//evil[.]example/ada-salary');
    assert.equal(
      clean('see <sftp://evil.example/ada|the file>'),
      'see the file (sftp[:]//evil[.]example/ada)',
    );
    assert.equal(clean('call <tel:+15550100|the desk>'), 'call the desk (tel[:]+15550100)');
  });

  it('defuses bare URLs of any scheme, and bare mailto: links with a prefilled body', () => {
    assert.equal(
      clean('at ftp://evil.example/ada-salary now'),
      `at ${defuse('ftp://evil.example/ada-salary')} now`,
    );
    assert.equal(
      clean('mailto:boss@evil.example?body=ada-salary'),
      'mailto[:]boss@evil[.]example?body=ada-salary',
    );
  });

  it('removes reference-style link definitions that point elsewhere, whatever the scheme', () => {
    const out = clean('Read [the summary][1].\n\n[1]: ftp://evil.example/ada-salary "Summary"');
    assert.doesNotMatch(out, /evil\.example/);
    assert.match(out, /Read \[the summary\]\[1\]\./);
    assert.doesNotMatch(clean('[1]: <https://evil.example/ada-salary>'), /evil\.example/);
    assert.doesNotMatch(clean('  [x]: mailto:boss@evil.example?body=secret'), /evil\.example/);
  });

  it('keeps a reference definition the policy allows, and still scans the rest of its line', () => {
    const line = '[help]: https://support.google.com/calendar/answer/37082 "Help"';
    assert.equal(clean(line), line);
    // Not a valid definition (the title is not quoted), so the whole line shows as text with a link.
    const out = clean('[help]: https://support.google.com/ <https://evil.example/ada-salary>');
    assert.doesNotMatch(out, /evil\.example/);
  });

  it('a line of definitions inside definitions is scanned without recursing once per repetition', () => {
    const out = clean(`${'[x]: '.repeat(20_000)}ftp://evil.example/ada-salary`);
    assert.doesNotMatch(out, /evil\.example/);
  });

  it('defuses a bare domain with a port before its path', () => {
    assert.equal(clean('evil.example:8443/collect/ada-salary'), 'evil[.]example:8443/collect/ada-salary');
  });

  it('defuses user mentions as well as channel-wide ones', () => {
    assert.equal(clean('ping <@U0123ABC> and <!here>'), 'ping @\u200bU0123ABC and @\u200bhere');
  });

  it('leaves ordinary prose, times and e-mail addresses alone', () => {
    const prose = 'At 10:30 AM, email ada@example.com about v2.1 (see note: ready).';
    assert.equal(clean(prose), prose);
  });
});
