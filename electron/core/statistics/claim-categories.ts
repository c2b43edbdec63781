import type { Kysely } from 'kysely';
import type { ClaimDocument, CategoryTotals } from '../../../shared/domain/claims';
import type { Database } from '../db/schema/index';

/**
 * What the month's counted claim asks by category: the totals its signed document carries (what
 * the SHA-256 covers), for the version the statistics count. Null while the month has no signed
 * version.
 */
export async function claimedByCategory(db: Kysely<Database>, month: string, version: number): Promise<CategoryTotals | null> {
  const row = await db
    .selectFrom('claim')
    .select(['content', 'status'])
    .where('month', '=', month)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row || row.status === 'brouillon' || row.content === null) return null;
  return (JSON.parse(row.content) as ClaimDocument).totals;
}
