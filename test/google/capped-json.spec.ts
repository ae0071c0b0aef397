import assert from 'node:assert/strict';
import { readCappedJson } from '../../src/google/capped-json';

/** A JSON text fed in pieces of the given sizes, as a socket might deliver it. */
async function* pieces(text: string, sizes: () => number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; ) {
    const n = Math.max(1, sizes());
    yield bytes.subarray(i, i + n);
    i += n;
  }
}

/** A small deterministic PRNG, so a failure can be reproduced. */
function prng(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x80000000;
  };
}

const ALPHABET = ['a', 'Z', '0', ' ', '"', '\\', '\n', '\u0001', 'é', '会', '😀', '/', '<', '\u2028'];

function randomString(random: () => number, max: number): string {
  const n = Math.floor(random() * max);
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return s;
}

/**
 * Keys are drawn without characters JSON must escape. Node 24.21's JSON.parse (V8) returns a wrong key
 * for an escaped key after a similar one was parsed in the same process — `JSON.parse('{"k1\\\\":1}')`
 * then `JSON.parse('{"k1\\u0001":1}')` gives the key `k1\\` twice — whoever reads the JSON; strings
 * (values), where all the capping happens, keep the full alphabet.
 */
const KEY_ALPHABET = ALPHABET.filter((c) => JSON.stringify(c).length === 3);

function randomKey(random: () => number, i: number): string {
  let s = `k${i}`;
  for (let n = Math.floor(random() * 3); n > 0; n--)
    s += KEY_ALPHABET[Math.floor(random() * KEY_ALPHABET.length)];
  return s;
}

function randomValue(random: () => number, depth = 0): unknown {
  const pick = random();
  if (depth > 3 || pick < 0.4) return randomString(random, random() < 0.2 ? 3000 : 40);
  if (pick < 0.5) return Math.floor(random() * 1e6) / 7;
  if (pick < 0.55) return random() < 0.5 ? null : true;
  if (pick < 0.75)
    return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = Math.floor(random() * 4); i > 0; i--) o[randomKey(random, i)] = randomValue(random, depth + 1);
  return o;
}

/** Every string of `cut`, checked against the same place in `whole`. */
function assertPrefixes(cut: unknown, whole: unknown, path = '$'): void {
  if (typeof whole === 'string') {
    assert.equal(typeof cut, 'string', path);
    assert.ok(whole.startsWith(cut as string), `${path}: ${JSON.stringify(cut)} is not a prefix`);
  } else if (whole && typeof whole === 'object') {
    for (const [k, v] of Object.entries(whole))
      assertPrefixes((cut as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else {
    assert.deepEqual(cut, whole, path);
  }
}

describe('readCappedJson: a JSON answer read as it streams, each string capped', () => {
  it('with room for everything, gives exactly what JSON.parse gives, however the bytes are split', async () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = prng(seed);
      const value = { data: randomValue(random), list: [randomValue(random), randomValue(random)] };
      const text = JSON.stringify(value, null, seed % 3 === 0 ? 1 : undefined);
      const split = seed % 2 ? () => 1 + Math.floor(random() * 7) : () => 1 + Math.floor(random() * 5000);
      const { value: read, cut } = await readCappedJson(pieces(text, split), 1 << 20);
      assert.deepEqual(read, value, `seed ${seed}`);
      assert.equal(cut, 0);
    }
  });

  it('cuts long strings to a prefix that is still valid text (never inside a character or an escape)', async () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = prng(seed);
      const value = { data: randomValue(random), more: randomValue(random) };
      // Up to 1 KB a string is always whole (keys, headers); the cap applies beyond.
      const cap = 1024 + Math.floor(random() * 64);
      const { value: read, cut } = await readCappedJson(
        pieces(JSON.stringify(value), () => 1 + Math.floor(random() * 300)),
        cap,
      );
      assertPrefixes(read, value);
      const long = (JSON.stringify(value).match(/"(?:[^"\\]|\\.)*"/g) ?? []).filter(
        (s) => Buffer.byteLength(s) - 2 > cap,
      );
      assert.equal(cut, long.length, `seed ${seed}`);
    }
  });

  it('keeps only the cap of a 20 MB string, and keeps short strings whole under any cap', async () => {
    const data = 'QUJD'.repeat(5_000_000);
    const text = JSON.stringify({ id: 'm1', payload: { body: { size: 15_000_000, data } }, historyId: '7' });
    const { value, cut } = await readCappedJson<{
      id: string;
      historyId: string;
      payload: { body: { data: string } };
    }>(
      pieces(text, () => 65_536),
      4096,
    );
    assert.equal(value.payload.body.data, data.slice(0, 4096));
    const short = await readCappedJson<{ key: string }>(
      pieces(JSON.stringify({ key: 'x'.repeat(1000) }), () => 10),
      1,
    );
    assert.equal(short.value.key.length, 1000);
    assert.equal(value.id, 'm1');
    assert.equal(value.historyId, '7');
    assert.equal(cut, 1);
  });

  it('refuses an answer that ends inside a string, or is not JSON', async () => {
    await assert.rejects(
      readCappedJson(
        pieces('{"a":"unterminated', () => 4),
        100,
      ),
      SyntaxError,
    );
    await assert.rejects(
      readCappedJson(
        pieces('{"a": nope}', () => 4),
        100,
      ),
      SyntaxError,
    );
  });
});
