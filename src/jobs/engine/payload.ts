import type { CipherContext, TokenCipher } from '../../crypto/token-cipher';

/** Stored payloads are JSON text, or the cipher's `v1.` format, which no JSON text starts with. */
const SEALED_PREFIX = 'v1.';
const MAX_STORED = 16_000;

/**
 * The cipher binds a sealed payload to its job: to the key when it has one (a replace rewrites the
 * payload of the row already holding that key, whose id the writer does not know), else to the id.
 */
export function payloadContext(job: { id: string; key: string | null }): CipherContext {
  return { table: 'jobs', column: 'payload', row: job.key ? `key:${job.key}` : `id:${job.id}` };
}

export class PayloadCodec {
  constructor(private readonly cipher: TokenCipher | undefined) {}

  encode(value: unknown, sealed: boolean, job: { id: string; key: string | null }): string {
    const json = JSON.stringify(value ?? null);
    let stored = json;
    if (sealed) {
      if (!this.cipher) throw new Error('a sealed job kind needs the engine to have a cipher');
      stored = this.cipher.encrypt(json, payloadContext(job));
    }
    // Payloads name things (ids); bulk data belongs in its own table.
    if (stored.length > MAX_STORED) throw new Error(`job payload too large (${stored.length} characters)`);
    return stored;
  }

  decode(stored: string, job: { id: string; key: string | null }): unknown {
    if (!stored.startsWith(SEALED_PREFIX)) return JSON.parse(stored);
    if (!this.cipher) throw new Error('a sealed job payload needs the engine to have a cipher');
    return JSON.parse(this.cipher.decrypt(stored, payloadContext(job)));
  }
}

export const isSealed = (stored: string): boolean => stored.startsWith(SEALED_PREFIX);
