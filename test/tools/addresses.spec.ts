import assert from 'node:assert/strict';
import { addressWarnings, parseAddressList } from '../../src/tools/lib/addresses';
import { buildMime } from '../../src/tools/lib/mime';
import { parseMime } from '../fakes/google/mime';

/** Addresses as mail headers really write them, and addresses built to fool the person reading a card. */
describe('tools: e-mail addresses (RFC 5322) on cards and in headers', () => {
  it('a quoted name with a comma keeps both addresses', () => {
    assert.deepEqual(parseAddressList(`"O'Neil, Pat" <pat@x.com>, b@y.com`), [
      { name: "O'Neil, Pat", email: 'pat@x.com' },
      { email: 'b@y.com' },
    ]);
  });

  it('a group keeps every member, its first one included', () => {
    assert.deepEqual(parseAddressList('Board: ann@x.com, "Lee, Bo" <bo@y.com>; carl@z.com'), [
      { email: 'ann@x.com' },
      { name: 'Lee, Bo', email: 'bo@y.com' },
      { email: 'carl@z.com' },
    ]);
    assert.deepEqual(parseAddressList('undisclosed-recipients:;'), []);
  });

  it('comments, angle-only addresses and odd spacing', () => {
    assert.deepEqual(parseAddressList('pat@x.com (Pat Smith), <q@y.com>,  ,'), [
      { name: 'Pat Smith', email: 'pat@x.com' },
      { email: 'q@y.com' },
    ]);
  });

  it('flags look-alike, bidi-control and zero-width addresses', () => {
    assert.match(addressWarnings({ email: 'billing@p\u0430ypal.com' }).join(' '), /mixes Latin and Cyrillic/);
    assert.match(addressWarnings({ email: 'ceo@exa\u200bmple.com' }).join(' '), /invisible/);
    assert.match(
      addressWarnings({ email: 'x@example.com', name: 'Bank \u202Emoc.knab' }).join(' '),
      /direction/,
    );
    assert.match(addressWarnings({ email: 'jose@bücher.de' }).join(' '), /xn--bcher-kva\.de/);
    assert.deepEqual(addressWarnings({ email: 'ada@example.com', name: 'Ada Lovelace' }), []);
    assert.deepEqual(
      addressWarnings({ email: 'ivan@пример.рф' }).filter((w) => /mixes/.test(w)),
      [],
    );
  });

  it('internationalised addresses are encoded for the header: IDNA domains, RFC 2047 names', () => {
    const raw = buildMime({
      to: [{ name: 'Zoë', email: 'jose@bücher.de' }, { email: 'ivan@пример.рф' }],
      subject: 's',
      text: 't',
    });
    const to = parseMime(raw).headers.find((h) => h.name === 'To')?.value ?? '';
    const line = raw.split('\r\n').find((l) => l.startsWith('To:')) ?? '';
    assert.match(line, /<jose@xn--bcher-kva\.de>/);
    assert.match(line, /ivan@xn--e1afmkfd\.xn--p1ai/);
    assert.match(line, /=\?UTF-8\?B\?/);
    assert.match(to, /Zoë/);
  });
});
