import type { CipherContext, TokenCipher } from './token-cipher';

/**
 * JSON sealed with the token cipher (AES-256-GCM, bound to table/column/row). The agent stores mail
 * bodies, addresses and event details; they are personal data and get the same care as tokens.
 */
export class Sealer {
  constructor(private readonly cipher: TokenCipher) {}

  seal(value: unknown, where: CipherContext): string {
    return this.cipher.encrypt(JSON.stringify(value), where);
  }

  open<T>(stored: string, where: CipherContext): T {
    return JSON.parse(this.cipher.decrypt(stored, where)) as T;
  }
}
