import { Op } from 'sequelize';
import type { Models } from '../../models';
import { DecryptError, type TokenCipher } from '../crypto/token-cipher';

const BATCH = 200;

const UNREADABLE = Symbol('unreadable');

/**
 * Decrypt with whichever configured key sealed it, encrypt with the current one; undefined if already
 * current, UNREADABLE if no configured key opens it (left as it is and reported, not fatal).
 */
function again(cipher: TokenCipher, stored: string, where: { table: string; column: string; row: string }) {
  if (stored.startsWith(`v1.${cipher.currentKeyId}.`)) return undefined;
  try {
    return cipher.encrypt(cipher.decrypt(stored, where), where);
  } catch (err) {
    if (err instanceof DecryptError) return UNREADABLE;
    throw err;
  }
}

/**
 * The agent's part of `npm run rotate-keys`: re-encrypt conversation memory and pending actions with
 * the current key, so the old key can be dropped without forgetting them. Returns rows rewritten.
 */
export async function reencryptAgentData(
  models: Models,
  cipher: TokenCipher,
): Promise<{ rewritten: number; unreadable: number }> {
  let rewritten = 0;
  let unreadable = 0;
  for (let after = 0; ; ) {
    const rows = await models.AgentMessage.findAll({
      where: { id: { [Op.gt]: after } },
      order: [['id', 'ASC']],
      limit: BATCH,
    });
    for (const row of rows) {
      const next = again(cipher, row.contentEnc, {
        table: 'agent_messages',
        column: 'content',
        row: row.conversationKey,
      });
      if (next === UNREADABLE) unreadable += 1;
      else if (next) {
        await row.update({ contentEnc: next });
        rewritten += 1;
      }
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1].id;
  }
  // Pending actions live a day at most (housekeeping), so there are few: one query is enough.
  for (const action of await models.PendingAction.findAll()) {
    const changes: Record<string, string> = {};
    for (const [attr, column] of [
      ['argsEnc', 'args'],
      ['previewEnc', 'preview'],
      ['resultEnc', 'result'],
    ] as const) {
      const stored = action[attr];
      const next = stored
        ? again(cipher, stored, { table: 'pending_actions', column, row: action.id })
        : undefined;
      if (next === UNREADABLE) unreadable += 1;
      else if (next) changes[attr] = next;
    }
    if (Object.keys(changes).length) {
      await action.update(changes);
      rewritten += 1;
    }
  }
  return { rewritten, unreadable };
}
