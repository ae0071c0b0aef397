import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { ErrorCode, LumeError } from '../errors';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class DecryptError extends LumeError {
  constructor(reason: string) {
    super(ErrorCode.DecryptFailed, `cannot decrypt stored secret: ${reason}`);
  }
}

/** A short, non-secret fingerprint of a key, stored with each value so rotation knows which key to use. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update('lume-key-id').update(key).digest('base64url').slice(0, 8);
}

/**
 * Where a value lives: table, column and row. Bound as GCM additional data so a ciphertext
 * copied into another row or column fails authentication instead of decrypting.
 */
export interface CipherContext {
  table: string;
  column: string;
  row: string;
}

const aad = (c: CipherContext) => Buffer.from(`lume:${c.table}:${c.column}:${c.row}`, 'utf8');

/**
 * AES-256-GCM for secrets at rest. Format: v1.<keyId>.<iv>.<ciphertext>.<tag> (base64url parts).
 * The current key encrypts; the current and previous keys decrypt, which is what makes rotation safe.
 */
export class TokenCipher {
  private readonly keys = new Map<string, Buffer>();
  readonly currentKeyId: string;

  constructor(
    private readonly current: Buffer,
    previous: Buffer[] = [],
  ) {
    for (const k of [current, ...previous]) {
      if (k.length !== 32) throw new Error('encryption keys must be 32 bytes');
      this.keys.set(keyId(k), k);
    }
    this.currentKeyId = keyId(current);
  }

  encrypt(plaintext: string, context: CipherContext): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(context));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [
      VERSION,
      this.currentKeyId,
      iv.toString('base64url'),
      ct.toString('base64url'),
      tag.toString('base64url'),
    ].join('.');
  }

  decrypt(stored: string, context: CipherContext): string {
    const parts = stored.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION) throw new DecryptError('unknown format');
    const [, kid, ivB64, ctB64, tagB64] = parts;
    const key = this.keys.get(kid);
    if (!key) throw new DecryptError(`no key with id ${kid} is configured`);
    const iv = Buffer.from(ivB64, 'base64url');
    const tag = Buffer.from(tagB64, 'base64url');
    if (iv.length !== IV_BYTES) throw new DecryptError('bad IV length');
    // Without this check GCM would accept truncated tags, weakening authentication.
    if (tag.length !== TAG_BYTES) throw new DecryptError('bad tag length');
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(context));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(Buffer.from(ctB64, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new DecryptError('authentication failed (wrong key, wrong row or tampered value)');
    }
  }

  /** True when the value was written with a key other than the current one. */
  needsReencryption(stored: string): boolean {
    return stored.split('.')[1] !== this.currentKeyId;
  }
}
