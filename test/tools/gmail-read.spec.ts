import assert from 'node:assert/strict';
import { SCOPES } from '../../src/google/scopes';
import { listEmailLabels } from '../../src/tools/list-email-labels';
import { readEmail } from '../../src/tools/read-email';
import { readEmailThread } from '../../src/tools/read-email-thread';
import { searchEmails } from '../../src/tools/search-emails';
import { seedLabel, seedMessage } from '../fakes/google/seed';
import { startToolHarness, type ToolHarness } from './harness';

describe('Gmail reading tools', () => {
  let h: ToolHarness;
  beforeEach(async () => {
    h = await startToolHarness();
  });
  afterEach(() => h.close());

  const seedReport = () =>
    seedMessage(h.fake.state, h.sub, {
      from: 'Priya Shah <priya@example.com>',
      to: 'Ada Lovelace <ada@example.com>',
      cc: 'bob@example.com',
      subject: 'Q3 report — draft',
      text: 'Hi Ada,\n\nThe draft is attached.\n\nPriya',
      html: '<div><p>Hi Ada,</p><p>The <b>draft</b> is attached.</p><img src="https://tracker.example/p.gif"><style>p{}</style></div>',
      attachments: [
        { filename: 'q3.pdf', mimeType: 'application/pdf', content: Buffer.from('%PDF-1.4 fake') },
      ],
      labelIds: ['INBOX', 'UNREAD', 'IMPORTANT'],
      date: '2024-05-02T16:30:00Z',
    });

  it('search_emails passes the Gmail query and pages, and summarises with local dates', async () => {
    seedReport();
    for (let i = 0; i < 3; i++) {
      seedMessage(h.fake.state, h.sub, {
        from: 'news@example.com',
        to: 'ada@example.com',
        subject: `Digest ${i}`,
        text: 'News',
        labelIds: ['INBOX'],
        date: `2024-05-0${i + 1}T08:00:00Z`,
      });
    }
    const ctx = h.ctx({ timeZone: 'America/Los_Angeles' });
    const found = (await searchEmails.handler({ query: 'is:unread from:priya' }, ctx)) as {
      messages: Record<string, unknown>[];
    };
    assert.equal(found.messages.length, 1);
    const [m] = found.messages;
    assert.equal(m.subject, 'Q3 report — draft');
    assert.equal(m.from, 'Priya Shah <priya@example.com>');
    assert.equal(m.date, '2024-05-02T09:30:00-07:00');
    assert.equal(m.unread, true);
    assert.equal(m.important, true);
    assert.match(String(m.snippet), /draft is attached/);
    // A search downloads metadata only, never bodies.
    const gets = h.fake.state.requestsTo('/gmail/v1/users/me/messages/', 'GET');
    assert.ok(gets.length > 0 && gets.every((r) => r.query.format === 'metadata'));

    const first = (await searchEmails.handler({ query: 'from:news', maxResults: 2 }, ctx)) as {
      messages: { subject: string }[];
      nextPageToken?: string;
    };
    assert.deepEqual(
      first.messages.map((x) => x.subject),
      ['Digest 2', 'Digest 1'],
    );
    assert.ok(first.nextPageToken);
    const second = (await searchEmails.handler(
      { query: 'from:news', maxResults: 2, pageToken: first.nextPageToken },
      ctx,
    )) as { messages: { subject: string }[]; nextPageToken?: string };
    assert.deepEqual(
      second.messages.map((x) => x.subject),
      ['Digest 0'],
    );
    assert.equal(second.nextPageToken, undefined);
  });

  it('read_email takes text/plain from multipart/alternative and lists attachments', async () => {
    const seeded = seedReport();
    const mail = (await readEmail.handler({ messageId: seeded.id ?? '' }, h.ctx())) as Record<
      string,
      unknown
    >;
    assert.equal(mail.body, 'Hi Ada,\n\nThe draft is attached.\n\nPriya');
    assert.deepEqual(mail.cc, ['bob@example.com']);
    assert.deepEqual(mail.attachments, [{ filename: 'q3.pdf', mimeType: 'application/pdf', size: 13 }]);
    assert.equal(mail.truncated, undefined);
  });

  it('read_email strips HTML when there is no text part, and caps huge mail', async () => {
    const htmlOnly = seedMessage(h.fake.state, h.sub, {
      from: 'shop@example.com',
      to: 'ada@example.com',
      subject: 'Your order',
      text: '',
      date: '2024-05-02T10:00:00Z',
    });
    // Replace the text part with an HTML one, as an HTML-only sender would send it.
    const part = htmlOnly.payload;
    if (!part?.body) throw new Error('no body');
    part.mimeType = 'text/html';
    part.body.data = Buffer.from(
      '<html><body><h1>Order 42</h1><p>Ships <a href="https://shop.example/t">today</a>.</p><img src="x.png"></body></html>',
    ).toString('base64url');
    const mail = (await readEmail.handler({ messageId: htmlOnly.id ?? '' }, h.ctx())) as { body: string };
    assert.match(mail.body, /ORDER 42/i);
    assert.match(mail.body, /Ships today \[https:\/\/shop\.example\/t\]/);
    assert.doesNotMatch(mail.body, /<|x\.png/);

    const long = seedMessage(h.fake.state, h.sub, {
      from: 'a@example.com',
      to: 'ada@example.com',
      subject: 'Long',
      text: 'x'.repeat(30_000),
    });
    const capped = (await readEmail.handler({ messageId: long.id ?? '' }, h.ctx())) as {
      body: string;
      truncated?: boolean;
    };
    assert.equal(capped.truncated, true);
    assert.ok(capped.body.length <= 12_001);
  });

  it('read_email_thread returns every message oldest first', async () => {
    const first = seedMessage(h.fake.state, h.sub, {
      from: 'priya@example.com',
      to: 'ada@example.com',
      subject: 'Lunch?',
      text: 'Thursday?',
      date: '2024-05-01T10:00:00Z',
    });
    seedMessage(h.fake.state, h.sub, {
      from: 'ada@example.com',
      to: 'priya@example.com',
      subject: 'Re: Lunch?',
      text: 'Yes!',
      threadId: first.threadId ?? '',
      labelIds: ['SENT'],
      date: '2024-05-01T11:00:00Z',
    });
    const thread = (await readEmailThread.handler({ threadId: first.threadId ?? '' }, h.ctx())) as {
      messageCount: number;
      messages: { body: string }[];
    };
    assert.equal(thread.messageCount, 2);
    assert.deepEqual(
      thread.messages.map((m) => m.body),
      ['Thursday?', 'Yes!'],
    );
  });

  it("list_email_labels lists system labels first, then the user's", async () => {
    seedLabel(h.fake.state, h.sub, 'Receipts');
    const { labels } = (await listEmailLabels.handler({}, h.ctx())) as {
      labels: { name: string; type: string }[];
    };
    assert.equal(labels.at(-1)?.name, 'Receipts');
    assert.equal(labels[0].type, 'system');
  });

  it("lets a missing Gmail scope surface as Google's 403", async () => {
    await assert.rejects(
      searchEmails.handler({}, h.ctx({ scopes: [SCOPES.calendar] })),
      (err: { status?: number }) => err.status === 403,
    );
  });
});
