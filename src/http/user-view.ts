import type { SlackIdentity, User } from '../../models';

/** The user as the API shows it: profile, links, scopes, status. Token values never appear here. */
export function userView(user: User, identities: SlackIdentity[]) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    status: user.status,
    connected: user.status === 'connected' && !!user.refreshTokenEnc,
    scopes: user.scopes,
    tokenExpiresAt: user.tokenExpiresAt ? user.tokenExpiresAt.toISOString() : null,
    slack: identities.map((i) => ({ teamId: i.teamId, userId: i.slackUserId })),
    createdAt: user.createdAt ? new Date(user.createdAt).toISOString() : null,
  };
}
