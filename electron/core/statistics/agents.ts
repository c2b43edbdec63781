import { sql, type Kysely } from 'kysely';
import type { AgentIdentityCounts } from '../../../shared/domain/statistics';
import type { Database } from '../db/schema/index';
import type { DayRange } from './range';

/**
 * Episodes each agent opened in the range, by the day they were opened, with those admitted on
 * « Récépissé seul » and on a document noted « Ne correspond pas »: the same counts as the
 * manager's « Contrôle des abus » view, for the month's statistics.
 */
export async function identityByAgent(db: Kysely<Database>, range: DayRange): Promise<AgentIdentityCounts[]> {
  const rows = await db
    .selectFrom('episode as e')
    .leftJoin('app_user as u', 'u.login', 'e.opened_by')
    .select([
      'e.opened_by',
      'u.full_name',
      sql<number>`count(*)`.as('admissions'),
      sql<number>`sum(case when e.identity_document = 'recepisse_seul' then 1 else 0 end)`.as('receipt_only'),
      sql<number>`sum(case when e.identity_matches = 0 then 1 else 0 end)`.as('mismatches'),
    ])
    .where('e.opened_at', '>=', range.first)
    .where('e.opened_at', '<', range.end)
    .groupBy(['e.opened_by', 'u.full_name'])
    .execute();
  return rows.map((r) => ({
    login: r.opened_by,
    name: r.full_name ?? r.opened_by,
    admissions: Number(r.admissions),
    receiptOnly: Number(r.receipt_only),
    mismatches: Number(r.mismatches),
  }));
}
