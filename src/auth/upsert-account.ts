import { randomUUID } from 'node:crypto';
import { type Sequelize, UniqueConstraintError } from 'sequelize';
import type { Models, User } from '../../models';
import type { GoogleTokens, TokenStore } from '../google/token-store';
import type { SlackRef } from './connect-links';

/** A Google account as Google identified it at sign-in. */
export interface GoogleProfile {
  googleId: string;
  email: string;
  name: string | null;
}

/**
 * One transaction: the Google account created or updated with its new tokens and the scopes actually
 * granted, and — for a connect link — the Slack identity pointed at it. Returns the account the Slack
 * identity pointed at before, when that was another one.
 */
export function upsertAccount(
  deps: { models: Models; sequelize: Sequelize; tokens: TokenStore },
  profile: GoogleProfile,
  tokens: GoogleTokens,
  slack: SlackRef | null,
): Promise<{ user: User; replacedUserId: string | null }> {
  const { User, SlackIdentity } = deps.models;
  return deps.sequelize.transaction(async (transaction) => {
    let user = await User.findOne({ where: { googleId: profile.googleId }, transaction });
    if (!user) {
      user = User.build({
        id: randomUUID(),
        googleId: profile.googleId,
        email: profile.email,
        name: profile.name,
        accessTokenEnc: null,
        refreshTokenEnc: null,
        tokenExpiresAt: null,
        grantedScopes: '',
        status: 'connected',
      });
    }
    user.email = profile.email;
    user.name = profile.name;
    user.status = 'connected';
    // What the user actually granted: Google's granular consent lets them untick scopes.
    user.grantedScopes = '';
    deps.tokens.apply(user, tokens);
    await user.save({ transaction });

    let replacedUserId: string | null = null;
    if (slack) {
      const where = { teamId: slack.teamId, slackUserId: slack.slackUserId };
      const existing = await SlackIdentity.findOne({ where, transaction });
      if (existing && existing.userId !== user.id) replacedUserId = existing.userId;
      if (existing) {
        existing.userId = user.id;
        await existing.save({ transaction });
      } else {
        try {
          await SlackIdentity.create({ ...where, userId: user.id }, { transaction });
        } catch (err) {
          if (!(err instanceof UniqueConstraintError)) throw err;
          await SlackIdentity.update({ userId: user.id }, { where, transaction });
        }
      }
    }
    return { user, replacedUserId };
  });
}
