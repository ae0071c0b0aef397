import { checkKey } from './enqueue';
import type { Sql } from './sql';
import type { CancelFilter } from './types';

/**
 * The keys starting with `prefix` are exactly those in [prefix, prefix with its last character
 * bumped): keys compare byte for byte (binary collation, ASCII only), and the range uses the unique index.
 */
function prefixRange(prefix: string): [string, string] {
  checkKey(prefix);
  const last = prefix.charCodeAt(prefix.length - 1);
  return [prefix, prefix.slice(0, -1) + String.fromCharCode(last + 1)];
}

/** Deletes the matching jobs in every state; the person's data goes with them. */
export async function cancelJobs(sql: Sql, filter: CancelFilter): Promise<number> {
  const where: string[] = [];
  const values: string[] = [];
  if (filter.kind !== undefined) {
    where.push('kind = ?');
    values.push(filter.kind);
  }
  if ('key' in filter) {
    checkKey(filter.key);
    where.push('unique_key = ?');
    values.push(filter.key);
  } else {
    where.push('unique_key >= ? AND unique_key < ?');
    values.push(...prefixRange(filter.keyPrefix));
  }
  return sql.exec(`DELETE FROM jobs WHERE ${where.join(' AND ')}`, values);
}
