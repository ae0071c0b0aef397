import type { Models, SlackIdentity, User } from '../../models';
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
 * A Slack user linked to a Google account, as the OAuth callback leaves it (through Accounts.link,
 * which the callback calls): a users row with tokens the fake Google honours (encrypted, bound to the
 * row) and a slack_identities row. Reusing an account (same `sub`) adds a second Slack identity to
 * the same Google user.
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
  const teamId = o.teamId ?? 'T0LUME';
  const user = await ctx.accounts.link(
    { googleId: account.sub, email: account.email, name: account.name },
    {
      access_token: access.token,
      refresh_token: refreshToken,
      expiry_date: Date.now() + access.expiresIn * 1000,
      scope: scopes.join(' '),
    },
    { teamId, slackUserId: o.slackUserId },
  );
  ctx.google.evict(user.id);
  const identity = await ctx.db.models.SlackIdentity.findOne({
    where: { teamId, slackUserId: o.slackUserId },
  });
  if (!identity) throw new Error('linking left no Slack identity');
  return { user, identity, account, accessToken: access.token, refreshToken };
}

/**
 * A bare users row, no tokens and no Google behind it: for specs of stores that only need a row to
 * hang theirs on (foreign keys). `n` makes its Google id and address unique.
 */
export function plainUser(models: Models, id: string, n: string): Promise<User> {
  return models.User.create({
    id,
    googleId: `g-${n}`,
    email: `${n}@example.com`,
    name: null,
    accessTokenEnc: null,
    refreshTokenEnc: null,
    tokenExpiresAt: null,
    grantedScopes: '',
    status: 'connected',
  });
}
