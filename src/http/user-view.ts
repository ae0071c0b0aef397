import { z } from 'zod';
import type { SlackIdentity, User } from '../../models';

const isoTime = z.iso.datetime().nullable();

/** The user as the API shows it: profile, links, scopes, status. Token values never appear here. */
export const UserView = z
  .object({
    id: z.string().meta({ description: "Lume's id for the person." }),
    email: z.string().meta({ format: 'email' }),
    name: z.string().nullable(),
    status: z.enum(['connected', 'revoked']).meta({ description: '`revoked`: Google withdrew the grant.' }),
    connected: z.boolean().meta({ description: 'Lume holds a working Google grant for this person.' }),
    scopes: z.array(z.string()).meta({ description: 'The Google scopes the person granted.' }),
    tokenExpiresAt: isoTime.meta({ description: 'When the current Google access token expires.' }),
    slack: z
      .array(z.object({ teamId: z.string(), userId: z.string() }))
      .meta({ description: 'The Slack identities this Google account serves.' }),
    createdAt: isoTime,
  })
  .meta({ id: 'User' });

export const USER_EXAMPLE: z.infer<typeof UserView> = {
  id: '3f6c1e52-9b1d-4c1e-8f0a-2f1d9a7b5c10',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  status: 'connected',
  connected: true,
  scopes: ['email', 'https://www.googleapis.com/auth/calendar'],
  tokenExpiresAt: '2026-11-02T10:15:00.000Z',
  slack: [{ teamId: 'T0123ABCD', userId: 'U0456EFGH' }],
  createdAt: '2026-10-01T08:00:00.000Z',
};

export function userView(user: User, identities: SlackIdentity[]): z.infer<typeof UserView> {
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
