import assert from 'node:assert/strict';
import { parseAddressList, uniqueMailboxes } from '../../src/tools/lib/addresses';
import { attachmentsOf, messageText } from '../../src/tools/lib/mail-read';
import { buildMime, encodeHeaderText } from '../../src/tools/lib/mime';
import { decodeEncodedWords, parseMime, toGmailPayload } from '../fakes/google/mime';
import { buildSeedRaw } from '../fakes/google/seed';

describe('MIME building and parsing', () => {
  it('encodes UTF-8 headers in words of at most 75 characters without splitting a character', () => {
    const subject = '会議の議題について — 来週の予定を確認してください 🙏🙏🙏';
    const encoded = encodeHeaderText(subject);
    for (const word of encoded.split('\r\n ')) assert.ok(word.length <= 75, word);
    assert.equal(decodeEncodedWords(encoded.replace(/\r\n /g, ' ')), subject);
    assert.equal(encodeHeaderText('Plain ASCII'), 'Plain ASCII');
  });

  it('quotes display names with specials and encodes non-ASCII ones', () => {
    const raw = buildMime({
      from: { name: 'Zoë Ünal', email: 'zoe@example.com' },
      to: [{ name: 'Bob, Jr.', email: 'bob@example.com' }],
      subject: 's',
      text: 't',
    });
    const headers = parseMime(raw).headers;
    assert.deepEqual(
      headers.find((x) => x.name === 'From'),
      { name: 'From', value: 'Zoë Ünal <zoe@example.com>' },
    );
    assert.deepEqual(
      headers.find((x) => x.name === 'To'),
      { name: 'To', value: '"Bob, Jr." <bob@example.com>' },
    );
  });

  it('reads text/plain from multipart/alternative inside multipart/mixed, and lists attachments', async () => {
    const raw = buildSeedRaw({
      from: 'a@example.com',
      to: 'b@example.com',
      subject: 'x',
      text: 'plain version',
      html: '<p>html version</p>',
      attachments: [{ filename: 'a.txt', mimeType: 'text/plain', content: 'attached text, not the body' }],
      date: '2024-05-01T00:00:00Z',
    });
    const payload = toGmailPayload(parseMime(raw), 'm1');
    assert.deepEqual(await messageText(payload, 1000), { text: 'plain version', truncated: false });
    assert.deepEqual(attachmentsOf(payload), [
      { filename: 'a.txt', mimeType: 'text/plain', size: 27, attachmentId: 'att-m1.1' },
    ]);
    const htmlOnly = toGmailPayload(
      parseMime(
        buildSeedRaw({
          from: 'a@example.com',
          to: 'b@example.com',
          subject: 'x',
          text: 'p',
          html: '<p>Hi <i>there</i></p>',
        }),
      ),
      'm2',
    );
    htmlOnly.parts = htmlOnly.parts?.filter((p) => p.mimeType === 'text/html');
    assert.deepEqual(await messageText(htmlOnly, 1000), { text: 'Hi there', truncated: false });
  });

  it('reads text in other charsets: as Gmail serves it (UTF-8), and raw bytes in the declared charset', async () => {
    const raw = [
      'From: a@example.com',
      'Subject: =?ISO-8859-1?Q?R=E9sum=E9?=',
      'Content-Type: text/plain; charset="Shift_JIS"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from([0x89, 0xef, 0x8b, 0x63, 0x82, 0xcc, 0x8c, 0x8f]).toString('base64'),
    ].join('\r\n');
    const served = toGmailPayload(parseMime(raw), 'm3');
    assert.equal((await messageText(served, 1000)).text, '会議の件');
    const part = (charset: string, bytes: Buffer) => ({
      mimeType: 'text/plain',
      headers: [{ name: 'Content-Type', value: `text/plain; charset=${charset}` }],
      body: { data: bytes.toString('base64url') },
    });
    // Bytes that are not UTF-8 are read in the declared charset (or Windows-1252 when unknown)…
    assert.equal((await messageText(part('iso-8859-1', Buffer.from('Café', 'latin1')), 100)).text, 'Café');
    assert.equal(
      (await messageText(part('x-unknown', Buffer.from([0x93, 0x68, 0x69, 0x94])), 100)).text,
      '“hi”',
    );
    assert.equal(
      (await messageText(part('windows-1252', Buffer.from([0x96, 0x20, 0x80, 0x35])), 100)).text,
      '– €5',
    );
    // …while UTF-8 under a legacy label (what Gmail actually sends) is never re-decoded into mojibake.
    assert.equal((await messageText(part('iso-2022-jp', Buffer.from('会議', 'utf8')), 100)).text, '会議');
  });

  it('parses address lists with quoted commas and dedupes case-insensitively', () => {
    const list = parseAddressList(
      '"Shah, Priya" <priya@example.com>, bob@example.com; Ada <ADA@example.com>, not-an-address',
    );
    assert.deepEqual(list, [
      { name: 'Shah, Priya', email: 'priya@example.com' },
      { email: 'bob@example.com' },
      { name: 'Ada', email: 'ADA@example.com' },
    ]);
    assert.deepEqual(
      uniqueMailboxes([...list, { email: 'BOB@example.com' }], ['ada@example.com']).map((m) => m.email),
      ['priya@example.com', 'bob@example.com'],
    );
  });
});
