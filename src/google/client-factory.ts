import { type Credentials, OAuth2Client } from 'google-auth-library';
import type { Models, User } from '../../models';
import type { Config } from '../config';
import { DecryptError } from '../crypto/token-cipher';
import type { Logger } from '../log';
import { GoogleApis } from './apis';
import {
  GoogleAccountRevokedError,
  GoogleNotConnectedError,
  GoogleTokensUnreadableError,
  isInvalidGrant,
} from './errors';
import { createOAuthClient } from './oauth-client';
import { type GoogleCallRecorder, observeGoogleCalls } from './observe-calls';
import type { TokenStore } from './token-store';

export interface UserGoogle {
  userId: string;
  apis: GoogleApis;
  /** Scopes the user granted, as stored. */
  scopes: string[];
}

export interface GoogleClientFactoryDeps {
  google: Config['google'];
  models: Models;
  tokens: TokenStore;
  log: Logger;
  /** Hears about every request the per-user clients make (API calls and token refreshes). */
  calls?: GoogleCallRecorder;
}

/**
 * One OAuth2Client per user per process. google-auth-library shares one refresh promise per
 * refresh token inside a client, so however many callers hit an expired token at once, Google
 * sees one refresh; the `tokens` event then persists the result (merged, encrypted).
 */
export class GoogleClientFactory {
  private readonly clients = new Map<string, UserGoogle>();
  private readonly saving = new Map<string, Promise<void>>();

  constructor(private readonly deps: GoogleClientFactoryDeps) {}

  async forUser(user: User): Promise<UserGoogle> {
    const cached = this.clients.get(user.id);
    if (cached) return cached;
    if (user.status !== 'connected' || !user.refreshTokenEnc) throw new GoogleNotConnectedError(user.id);
    const stored = this.readTokens(user);
    const auth = this.buildClient(user.id);
    auth.setCredentials({
      access_token: stored.accessToken ?? undefined,
      refresh_token: stored.refreshToken ?? undefined,
      expiry_date: stored.expiryDate ?? undefined,
    });
    auth.on('tokens', (tokens) => this.persist(user.id, tokens));
    const entry: UserGoogle = {
      userId: user.id,
      apis: new GoogleApis(auth, this.deps.google.apiRootUrl),
      scopes: user.scopes,
    };
    this.clients.set(user.id, entry);
    return entry;
  }

  private readTokens(user: User): ReturnType<TokenStore['read']> {
    try {
      return this.deps.tokens.read(user);
    } catch (err) {
      if (!(err instanceof DecryptError)) throw err;
      // An operator problem more than the person's: say which key setting to check.
      this.deps.log.error(
        { userId: user.id, reason: err.message },
        'stored Google tokens cannot be decrypted: is the key that wrote them still in TOKEN_ENCRYPTION_KEY or TOKEN_ENCRYPTION_PREVIOUS_KEYS? The person is asked to reconnect',
      );
      throw new GoogleTokensUnreadableError(user.id);
    }
  }

  /** Forget a user's client (disconnect, revocation, new tokens from a fresh link). */
  evict(userId: string): void {
    this.clients.delete(userId);
  }

  /** Resolves when refreshed tokens seen so far are written; tests and shutdown wait on it. */
  async flush(userId?: string): Promise<void> {
    const pending = userId ? [this.saving.get(userId)] : [...this.saving.values()];
    await Promise.all(pending.filter(Boolean));
  }

  private buildClient(userId: string): OAuth2Client {
    const base = createOAuthClient(this.deps.google);
    const factory = this;
    // Intercept refresh failures in one place: invalid_grant means the grant is gone for good.
    class UserOAuthClient extends OAuth2Client {
      protected override async refreshTokenNoCache(refreshToken?: string | null) {
        try {
          return await super.refreshTokenNoCache(refreshToken);
        } catch (err) {
          if (isInvalidGrant(err)) {
            await factory.markRevoked(userId);
            throw new GoogleAccountRevokedError(userId);
          }
          throw err;
        }
      }
    }
    const client = new UserOAuthClient({
      clientId: this.deps.google.clientId,
      clientSecret: this.deps.google.clientSecret,
      redirectUri: this.deps.google.redirectUri,
      endpoints: base.endpoints,
      // A token Google dropped before its expiry (the user removed Lume, a password change) answers
      // 401; refresh once and retry instead of failing until the stored expiry passes. The library
      // also does this on 403, so a missing scope costs one extra (deduplicated) refresh.
      forceRefreshOnFailure: true,
    });
    return this.deps.calls ? observeGoogleCalls(client, this.deps.calls) : client;
  }

  private persist(userId: string, tokens: Credentials): void {
    const previous = this.saving.get(userId) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        const user = await this.deps.models.User.findByPk(userId);
        if (user?.status !== 'connected') return;
        this.deps.tokens.apply(user, tokens);
        await user.save();
        const entry = this.clients.get(userId);
        if (entry) entry.scopes = user.scopes;
      })
      .catch((err: unknown) =>
        this.deps.log.error({ err, userId }, 'could not persist refreshed Google tokens'),
      );
    this.saving.set(userId, next);
  }

  /** Google refused the refresh token: drop the tokens, mark the account revoked. */
  async markRevoked(userId: string): Promise<void> {
    this.evict(userId);
    const user = await this.deps.models.User.findByPk(userId);
    if (!user) return;
    this.deps.tokens.clear(user);
    user.status = 'revoked';
    await user.save();
    this.deps.log.warn({ userId }, 'Google grant revoked (invalid_grant); tokens deleted');
  }
}
