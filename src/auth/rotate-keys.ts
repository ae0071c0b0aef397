import type { Database } from '../../models/db';
import { DecryptError } from '../crypto/token-cipher';
import type { TokenStore } from '../google/token-store';
import type { OAuthStates } from './oauth-states';

export interface RotationReport {
  users: number;
  oauthStates: number;
  /** Rows no configured key could open: left as they are, reported so the old key is not dropped yet. */
  unreadable: number;
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
  let unreadable = 0;
  const batch = 200;
  for (let offset = 0; ; offset += batch) {
    const rows = await db.models.User.findAll({ order: [['id', 'ASC']], limit: batch, offset });
    for (const user of rows) {
      try {
        if (!tokens.reencrypt(user)) continue;
      } catch (err) {
        if (!(err instanceof DecryptError)) throw err;
        unreadable += 1;
        continue;
      }
      await user.save();
      users += 1;
    }
    if (rows.length < batch) break;
  }
  const pending = await states.reencryptAll();
  return { users, oauthStates: pending.rewritten, unreadable: unreadable + pending.unreadable };
}
