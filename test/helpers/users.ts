import { randomUUID } from 'node:crypto';
import type { SlackIdentity, User } from '../../models';
import type { AppContext } from '../../src/context';
import { REQUESTED_SCOPES } from '../../src/google/scopes';
import { ADA, FAKE_CLIENT, type FakeGoogle } from '../fakes/google/server';
import type { FakeAccount } from '../fakes/google/state';

export interface ConnectedUser {
  user: User;
  identity: SlackIdentity;
  account: FakeAccount;
  accessToken: string;
  refreshToken: string;
}

export interface ConnectOptions {
  slackUserId: string;
  teamId?: string;
  /** Google account (added to the fake if new). Default: ADA. */
  account?: FakeAccount;
  /** Scopes granted at Google and stored on the user. Default: everything /lume connect asks for. */
  scopes?: string[];
}

/**
 * A Slack user linked to a Google account, as the OAuth callback leaves it: a users row with tokens
 * the fake Google honours (encrypted through ctx.tokens, bound to the row) and a slack_identities row.
 * Reusing an account (same `sub`) adds a second Slack identity to the same Google user.
 */
export async function connectSlackUser(
  ctx: AppContext,
  google: FakeGoogle,
  o: ConnectOptions,
): Promise<ConnectedUser> {
  const account = o.account ?? ADA;
  if (!google.state.accounts.has(account.sub)) google.state.addAccount(account);
  const scopes = o.scopes ?? REQUESTED_SCOPES;
  const access = google.state.issueAccessToken(account.sub, scopes);
  const refreshToken = google.state.issueRefreshToken(account.sub, scopes, FAKE_CLIENT.id);
  const { User, SlackIdentity } = ctx.db.models;
  let user = await User.findOne({ where: { googleId: account.sub } });
  if (!user) {
    user = User.build({
      id: randomUUID(),
      googleId: account.sub,
      email: account.email,
      name: account.name,
      accessTokenEnc: null,
      refreshTokenEnc: null,
      tokenExpiresAt: null,
      grantedScopes: '',
      status: 'connected',
    });
  }
  user.status = 'connected';
  ctx.tokens.apply(user, {
    access_token: access.token,
    refresh_token: refreshToken,
    expiry_date: Date.now() + access.expiresIn * 1000,
    scope: scopes.join(' '),
  });
  await user.save();
  ctx.google.evict(user.id);
  const identity = await SlackIdentity.create({
    teamId: o.teamId ?? 'T0LUME',
    slackUserId: o.slackUserId,
    userId: user.id,
  });
  return { user, identity, account, accessToken: access.token, refreshToken };
}
