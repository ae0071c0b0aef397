import assert from 'node:assert/strict';
import { LinkPolicy } from '../../src/agent/link-policy';
import { defuse, sanitizeMarkdown } from '../../src/slack/agent/sanitize';

/**
 * "No query string" is not enough on google.com: some of its hosts serve pages anyone can publish,
 * and such a page reads the path it was opened with. A prompt-injected model that puts the person's
 * data in the path of one of those links gets it the moment the link is clicked.
 */
describe('agent: link policy — Google and Slack pages the model may link by itself', () => {
  const policy = new LinkPolicy();

  const exfiltration: [string, string][] = [
    // An Apps Script web app: doGet(e) receives everything after /exec as e.pathInfo.
    [
      'Apps Script web app',
      'https://script.google.com/macros/s/AKfycbxEVIL/exec/ada@example.com/salary-120k',
    ],
    // Google Sites pages are published by anyone and can carry analytics that record the path.
    ['Google Sites page', 'https://sites.google.com/view/evil-notes/priya-q3-numbers'],
    // The AMP viewer fetches the page named in the path from its origin server.
    ['AMP viewer', 'https://www.google.com/amp/s/evil.example/c/ada-secret'],
    ['Docs file', 'https://docs.google.com/document/d/1EVIL/edit/ada-secret'],
    ['Drive file', 'https://drive.google.com/file/d/1EVIL/view/ada-secret'],
    ['someone else’s Slack workspace', 'https://evil-corp.slack.com/archives/C1/ada-secret'],
  ];
  for (const [what, url] of exfiltration) {
    it(`refuses a link to ${what}, whose path reaches its author`, () => {
      assert.ok(!policy.allows(url), url);
      assert.equal(
        sanitizeMarkdown(`see [this](${url}) or ${url}`, policy),
        `see this (${defuse(url)}) or ${defuse(url)}`,
      );
    });
  }

  it('still allows Google’s and Slack’s own help and product pages', () => {
    for (const url of [
      'https://support.google.com/calendar/answer/37082',
      'https://myaccount.google.com/permissions',
      'https://calendar.google.com/calendar/r',
      'https://mail.google.com/mail/u/0/',
      'https://meet.google.com/abc-defg-hij',
      'https://www.google.com/maps',
      'https://slack.com/help/articles/123',
      'https://api.slack.com/apps',
    ]) {
      assert.ok(policy.allows(url), url);
    }
  });

  it('a link from a field the tool vouches for is allowed wherever it points; the same URL in free text is not', () => {
    const p = new LinkPolicy();
    const doc = 'https://docs.google.com/document/d/1REAL/edit';
    p.learn({ event: { attachments: [{ fileUrl: doc }] } }, ['fileUrl']);
    assert.ok(p.allows(doc));
    assert.ok(!p.allows(`${doc}/ada-secret`), 'but nothing appended to it');
    const q = new LinkPolicy();
    q.learn({ event: { description: `see ${doc}`, notes: doc } }, ['htmlLink']);
    assert.ok(!q.allows(doc), 'a description or any other field is text someone wrote');
  });
});
