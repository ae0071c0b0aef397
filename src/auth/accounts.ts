import type { Sequelize } from 'sequelize';
import type { Models, User } from '../../models';
import type { Config } from '../config';
import type { GoogleClientFactory } from '../google/client-factory';
import { createOAuthClient } from '../google/oauth-client';
import type { GoogleCallRecorder } from '../google/observe-calls';
import type { GoogleTokens, TokenStore } from '../google/token-store';
import type { Logger } from '../log';
import type { SlackRef } from './connect-links';
import type { LinkHooks } from './link-hooks';
import { type GoogleProfile, upsertAccount } from './upsert-account';

export type { GoogleProfile };

export interface RefreshResult {
  expiresAt: Date | null;
  scopes: string[];
}

/** The Google account behind a Slack user, and whether Lume can still use it. */
export type LinkedAccount =
  | { kind: 'connected'; user: User }
  | { kind: 'revoked'; user: User }
  | { kind: 'none' };

/** What letting go of a Slack user's link did. */
export interface Unlinked {
  /** The Google account it pointed at. */
  email: string;
  /** Lume still held a working grant, and revoked it. */
  hadAccess: boolean;
  /** Google confirmed the revocation (false when it failed, or there was nothing to revoke). */
  revokedAtGoogle: boolean;
  /** No other Slack identity used the account, so it and everything kept about it are gone. */
  forgotten: boolean;
}

/** Who is who, and the lifecycle of a user's Google grant. */
export class Accounts {
  constructor(
    private readonly deps: {
      models: Models;
      sequelize: Sequelize;
      tokens: TokenStore;
      google: GoogleClientFactory;
      googleConfig: Config['google'];
      hooks: LinkHooks;
      log: Logger;
      /** Hears about the revocation call to Google. */
      calls?: GoogleCallRecorder;
    },
  ) {}

  /** The Google account linked to this Slack user, whatever its status; null when never linked. */
  async findBySlack(teamId: string, slackUserId: string): Promise<User | null> {
    const identity = await this.deps.models.SlackIdentity.findOne({
      where: { teamId, slackUserId },
      include: [{ model: this.deps.models.User, as: 'user' }],
    });
    return identity?.user ?? null;
  }

  isConnected(user: User | null): user is User {
    return !!user && user.status === 'connected' && !!user.refreshTokenEnc;
  }

  async accountOf(teamId: string, slackUserId: string): Promise<LinkedAccount> {
    const user = await this.findBySlack(teamId, slackUserId);
    if (!user) return { kind: 'none' };
    return this.isConnected(user) ? { kind: 'connected', user } : { kind: 'revoked', user };
  }

  /**
   * Whether Lume still holds a working grant for this Google account: Google omits refresh_token
   * when someone consents again to a grant they already gave.
   */
  async holdsRefreshToken(googleId: string): Promise<boolean> {
    return this.isConnected(await this.deps.models.User.findOne({ where: { googleId } }));
  }

  /**
   * A finished sign-in: the Google account created or updated with its new tokens and the scopes
   * actually granted, and — for a connect link — the Slack user pointed at it, in one transaction.
   * A Slack user who moved to another Google account lets go of the old one if nobody else uses it.
   */
  async link(profile: GoogleProfile, tokens: GoogleTokens, slack: SlackRef | null): Promise<User> {
    const { user, replacedUserId } = await upsertAccount(this.deps, profile, tokens, slack);
    if (replacedUserId && slack) {
      await this.deps.hooks.emitIdentityUnlinked({ userId: replacedUserId, ...slack });
      await this.forgetIfOrphaned(replacedUserId);
    }
    return user;
  }

  /** Force a refresh now (POST /auth/refresh). invalid_grant surfaces as GoogleAccountRevokedError. */
  async refreshNow(user: User): Promise<RefreshResult> {
    const { apis } = await this.deps.google.forUser(user);
    await apis.auth.refreshAccessToken();
    await this.deps.google.flush(user.id);
    await user.reload();
    return { expiresAt: user.tokenExpiresAt, scopes: user.scopes };
  }

  /**
   * Tell listeners the grant is going (they may still call Google with it), revoke it at Google,
   * then drop the tokens whatever Google said: a token Google no longer
   * honours is worthless anyway. Every session JWT of the account ends with it (the session generation
   * moves on). The account row stays: `unlink` decides whether anything else still needs it.
   */
  async revokeGrant(user: User): Promise<{ revokedAtGoogle: boolean }> {
    let revokedAtGoogle = false;
    // While the grant still works: what must be undone at Google with it (calendar push channels).
    await this.deps.hooks.emitGrantRevoking({ userId: user.id });
    try {
      const { refreshToken, accessToken } = this.deps.tokens.read(user);
      const token = refreshToken ?? accessToken;
      if (token) {
        await createOAuthClient(this.deps.googleConfig, this.deps.calls).revokeToken(token);
        revokedAtGoogle = true;
      }
    } catch (err) {
      this.deps.log.warn({ err, userId: user.id }, 'Google revoke failed; deleting local tokens anyway');
    }
    this.deps.google.evict(user.id);
    this.deps.tokens.clear(user);
    user.status = 'revoked';
    user.sessionGeneration += 1;
    await user.save();
    return { revokedAtGoogle };
  }

  /**
   * A Slack user leaves. `/lume disconnect` and the Disconnect button (`revoke: 'always'`): the grant
   * is revoked at Google (there is one grant per Google account, so every Slack identity on it loses
   * access) and the Slack↔Google link is deleted. An uninstall (`'when-orphaned'`) deletes the link
   * and revokes only a grant nobody else uses: the same person in another workspace keeps theirs.
   * Either way, when no other Slack identity uses the account, it and everything kept about it are
   * forgotten — an account whose grant Google already withdrew included. Null when there was no link.
   */
  async unlink(slack: SlackRef, o: { revoke: 'always' | 'when-orphaned' }): Promise<Unlinked | null> {
    const identity = await this.deps.models.SlackIdentity.findOne({
      where: { teamId: slack.teamId, slackUserId: slack.slackUserId },
      include: [{ model: this.deps.models.User, as: 'user' }],
    });
    const user = identity?.user;
    if (!identity || !user) return null;
    const hadAccess: boolean = this.isConnected(user);
    let revokedAtGoogle = false;
    if (o.revoke === 'always') {
      // Without a grant to revoke, moving the generation on still ends every session of the account.
      if (hadAccess) ({ revokedAtGoogle } = await this.revokeGrant(user));
      else await user.increment('sessionGeneration');
    }
    // Listeners first, while rows that point at the identity (settings, say) are still there to find.
    await this.deps.hooks.emitIdentityUnlinked({ userId: user.id, ...slack });
    await identity.destroy();
    const forgotten = await this.forgetIfOrphaned(user.id);
    return { email: user.email, hadAccess, revokedAtGoogle, forgotten };
  }

  /**
   * An account no Slack identity uses any more: its grant revoked if Lume still holds one, every
   * listener told to delete what it keeps, then the row deleted. False while someone still uses it.
   */
  async forgetIfOrphaned(userId: string): Promise<boolean> {
    const { SlackIdentity, User } = this.deps.models;
    if ((await SlackIdentity.count({ where: { userId } })) > 0) return false;
    const user = await User.findByPk(userId);
    if (!user) return false;
    if (this.isConnected(user)) await this.revokeGrant(user);
    await this.deps.hooks.emitAccountForgotten({ userId });
    this.deps.google.evict(userId);
    await user.destroy();
    return true;
  }

  /**
   * A workspace uninstalled Lume or revoked its tokens: drop its Slack links, and disconnect and
   * delete Google accounts no other workspace still uses.
   */
  async removeWorkspace(teamId: string): Promise<{ identities: number; users: number }> {
    const identities = await this.deps.models.SlackIdentity.findAll({ where: { teamId } });
    let users = 0;
    for (const { slackUserId } of identities) {
      const gone = await this.unlink({ teamId, slackUserId }, { revoke: 'when-orphaned' });
      if (gone?.forgotten) users += 1;
    }
    return { identities: identities.length, users };
  }
}
