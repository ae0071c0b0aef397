import { Op } from 'sequelize';
import type { Database } from '../../../models/db';
import { DecryptError, type TokenCipher } from '../../auth/token-cipher';
import { isSealed, payloadContext } from './payload';

const BATCH = 200;

/**
 * The jobs' part of `npm run rotate-keys`: sealed payloads written with an older key are re-encrypted
 * with the current one. Each write is conditional on the payload still being the one read, so a job
 * replaced meanwhile keeps its new payload. Values no configured key opens are counted, not touched.
 */
export async function reencryptJobPayloads(
  db: Database,
  cipher: TokenCipher,
): Promise<{ rewritten: number; unreadable: number }> {
  let rewritten = 0;
  let unreadable = 0;
  for (let after = ''; ; ) {
    const rows = await db.models.Job.findAll({
      attributes: ['id', 'uniqueKey', 'payload'],
      where: { id: { [Op.gt]: after }, payload: { [Op.like]: 'v1.%' } },
      order: [['id', 'ASC']],
      limit: BATCH,
    });
    for (const row of rows) {
      if (!isSealed(row.payload) || !cipher.needsReencryption(row.payload)) continue;
      const where = payloadContext({ id: row.id, key: row.uniqueKey });
      let next: string;
      try {
        next = cipher.encrypt(cipher.decrypt(row.payload, where), where);
      } catch (err) {
        if (!(err instanceof DecryptError)) throw err;
        unreadable += 1;
        continue;
      }
      const [changed] = await db.models.Job.update(
        { payload: next },
        { where: { id: row.id, payload: row.payload } },
      );
      rewritten += changed;
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1].id;
  }
  return { rewritten, unreadable };
}
