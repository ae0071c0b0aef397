import type { Database } from '../../models/db';
import type { OAuthStates } from './oauth-states';
import type { TokenStore } from './token-store';

export interface RotationReport {
  users: number;
  oauthStates: number;
}

/**
 * Re-encrypt every stored secret with the current key. Run after moving the old key to
 * TOKEN_ENCRYPTION_PREVIOUS_KEYS; once it reports zero left, the old key can be dropped.
 */
export async function rotateKeys(
  db: Database,
  tokens: TokenStore,
  states: OAuthStates,
): Promise<RotationReport> {
  let users = 0;
  const batch = 200;
  for (let offset = 0; ; offset += batch) {
    const rows = await db.models.User.findAll({ order: [['id', 'ASC']], limit: batch, offset });
    for (const user of rows) {
      if (tokens.reencrypt(user)) {
        await user.save();
        users += 1;
      }
    }
    if (rows.length < batch) break;
  }
  return { users, oauthStates: await states.reencryptAll() };
}
