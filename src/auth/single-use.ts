import { type Model, type ModelStatic, Op, type WhereOptions } from 'sequelize';
import { sha256Hex } from './secrets';

/** Lume's one-time secrets are far shorter; anything longer is not one of them. */
const MAX_SECRET_LENGTH = 200;

interface SingleUseRow {
  expiresAt: Date;
  usedAt: Date | null;
}

/**
 * Use a one-time secret (a connect link, an OAuth state), stored only as its SHA-256 in `hashColumn`.
 * One conditional UPDATE marks its row used, so the database decides which of any number of
 * concurrent uses wins; an unknown, expired or already used secret gets null.
 */
export async function consumeOnce<M extends Model & SingleUseRow>(
  model: ModelStatic<M>,
  hashColumn: keyof M & string,
  secret: string,
  now: Date,
): Promise<M | null> {
  if (!secret || secret.length > MAX_SECRET_LENGTH) return null;
  const where = { [hashColumn]: sha256Hex(secret) } as WhereOptions<M>;
  const unused = { ...where, usedAt: null, expiresAt: { [Op.gt]: now } } as WhereOptions<M>;
  const [count] = await model.update({ usedAt: now } as Partial<M>, { where: unused });
  return count === 1 ? model.findOne({ where }) : null;
}
