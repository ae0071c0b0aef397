import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { DecryptError, TokenCipher } from '../../src/crypto/token-cipher';

const at = (row: string, column = 'access_token') => ({ table: 'users', column, row });

describe('token cipher (AES-256-GCM)', () => {
  const key = randomBytes(32);
  const cipher = new TokenCipher(key);

  it('round-trips and never stores the plaintext', () => {
    const stored = cipher.encrypt('ya29.secret-access-token', at('u1'));
    assert.ok(!stored.includes('ya29'));
    assert.equal(cipher.decrypt(stored, at('u1')), 'ya29.secret-access-token');
  });

  it('uses a fresh 96-bit IV per write and stores the key id', () => {
    const a = cipher.encrypt('same', at('u1')).split('.');
    const b = cipher.encrypt('same', at('u1')).split('.');
    assert.notEqual(a[2], b[2]);
    assert.equal(Buffer.from(a[2], 'base64url').length, 12);
    assert.equal(a[1], cipher.currentKeyId);
    assert.equal(Buffer.from(a[4], 'base64url').length, 16);
  });

  it('a value moved to another row or column fails to decrypt', () => {
    const stored = cipher.encrypt('token', at('u1'));
    assert.throws(() => cipher.decrypt(stored, at('u2')), DecryptError);
    assert.throws(() => cipher.decrypt(stored, at('u1', 'refresh_token')), DecryptError);
  });

  it('refuses truncated tags and tampered ciphertext', () => {
    const parts = cipher.encrypt('token', at('u1')).split('.');
    const shortTag = [...parts.slice(0, 4), parts[4].slice(0, 8)].join('.');
    assert.throws(() => cipher.decrypt(shortTag, at('u1')), /tag length/);
    const ct = Buffer.from(parts[3], 'base64url');
    ct[0] ^= 1;
    assert.throws(() =>
      cipher.decrypt([...parts.slice(0, 3), ct.toString('base64url'), parts[4]].join('.'), at('u1')),
    );
    assert.throws(() => cipher.decrypt('plaintext-token', at('u1')), /format/);
  });

  it('rotation: old keys decrypt, the current key encrypts, unknown keys fail', () => {
    const oldKey = randomBytes(32);
    const old = new TokenCipher(oldKey);
    const stored = old.encrypt('token', at('u1'));
    const rotated = new TokenCipher(randomBytes(32), [oldKey]);
    assert.equal(rotated.decrypt(stored, at('u1')), 'token');
    assert.ok(rotated.needsReencryption(stored));
    const fresh = rotated.encrypt('token', at('u1'));
    assert.ok(!rotated.needsReencryption(fresh));
    assert.throws(() => new TokenCipher(randomBytes(32)).decrypt(stored, at('u1')), /no key/);
  });

  it('refuses keys that are not 32 bytes', () => {
    assert.throws(() => new TokenCipher(randomBytes(16)));
  });
});
