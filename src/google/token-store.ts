import type { User } from '../../models';
import type { TokenCipher } from '../crypto/token-cipher';

/** The Google token fields we keep; names as google-auth-library's Credentials. */
export interface GoogleTokens {
  access_token?: string | null;
  refresh_token?: string | null;
  expiry_date?: number | null;
  scope?: string | null;
}

/** Where a token is sealed: bound to its user's row, so a ciphertext copied to another row fails. */
export const tokenContext = (user: { id: string }, column: 'access_token' | 'refresh_token') => ({
  table: 'users',
  column,
  row: user.id,
});

/** Reads and writes a user's Google tokens, encrypted and bound to the user's row. */
export class TokenStore {
  constructor(private readonly cipher: TokenCipher) {}

  read(user: User): { accessToken: string | null; refreshToken: string | null; expiryDate: number | null } {
    return {
      accessToken: user.accessTokenEnc
        ? this.cipher.decrypt(user.accessTokenEnc, tokenContext(user, 'access_token'))
        : null,
      refreshToken: user.refreshTokenEnc
        ? this.cipher.decrypt(user.refreshTokenEnc, tokenContext(user, 'refresh_token'))
        : null,
      expiryDate: user.tokenExpiresAt ? user.tokenExpiresAt.getTime() : null,
    };
  }

  /**
   * Merge new tokens into the user (not saved). Google omits refresh_token on refresh and may omit
   * scope, so absent fields keep their stored value.
   */
  apply(user: User, tokens: GoogleTokens): void {
    if (tokens.access_token)
      user.accessTokenEnc = this.cipher.encrypt(tokens.access_token, tokenContext(user, 'access_token'));
    if (tokens.refresh_token)
      user.refreshTokenEnc = this.cipher.encrypt(tokens.refresh_token, tokenContext(user, 'refresh_token'));
    if (tokens.expiry_date) user.tokenExpiresAt = new Date(tokens.expiry_date);
    if (tokens.scope) user.grantedScopes = normaliseScopes(tokens.scope);
  }

  clear(user: User): void {
    user.accessTokenEnc = null;
    user.refreshTokenEnc = null;
    user.tokenExpiresAt = null;
  }
}

export function normaliseScopes(scope: string): string {
  return [...new Set(scope.split(/[\s,]+/).filter(Boolean))].sort().join(' ');
}
