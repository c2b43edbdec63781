import { sql, type Kysely } from 'kysely';
import { PERSON_WRITTEN_COLUMNS } from '../db/schema/columns';
import type { Database } from '../db/schema/index';
import type { BatchOutcome } from './apply-batch';
import { REGISTRY_COLUMNS } from './registry-row';

const ROW_COLUMNS = sql.join(REGISTRY_COLUMNS.map((c) => sql.ref(`r.${c}`)));
// The select below gives them in this order (apply-batch.ts's pushWrite writes the same).
const WRITTEN_COLUMNS = sql.join(PERSON_WRITTEN_COLUMNS.map((c) => sql.id(c)));

/**
 * Copies a staged batch (stage-batch.ts, attached as `staged`) into the registry on a first
 * import, as screenBatch then writeRows do row by row: each récépissé met for the first time is
 * recorded with its line; a later line with the same récépissé, or a row that failed its checks,
 * is rejected; the others become persons, in file order. Runs inside the caller's transaction.
 */
export async function applyStagedBatch(
  trx: Kysely<Database>,
  importId: number,
  now: string,
): Promise<Pick<BatchOutcome, 'inserted' | 'updated' | 'unchanged'> & { rejected: number }> {
  // WHERE before ON CONFLICT: SQLite's parser needs it with an upsert from a SELECT.
  await sql`insert into registry_import_seen (import_id, recepisse, line)
    select ${importId}, recepisse, min(line) from staged.row where recepisse is not null group by recepisse
    on conflict (import_id, recepisse) do nothing`.execute(trx);
  const rejected = await sql`insert into registry_import_rejection (import_id, line, reason)
    select ${importId}, r.line,
      case when s.line <> r.line
        then 'Récépissé ' || r.recepisse || ' en double dans le fichier (déjà à la ligne ' || s.line || ').'
        else r.reason end
    from staged.row r left join registry_import_seen s on s.import_id = ${importId} and s.recepisse = r.recepisse
    where s.line <> r.line or r.reason is not null
    order by r.line`.execute(trx);
  const inserted = await sql`insert into person (${WRITTEN_COLUMNS})
    select r.recepisse, ${ROW_COLUMNS}, ${now}, ${importId}, r.status_date, ${now}, ${now}
    from staged.row r join registry_import_seen s on s.import_id = ${importId} and s.recepisse = r.recepisse and s.line = r.line
    where r.reason is null
    order by r.line`.execute(trx);
  return { inserted: Number(inserted.numAffectedRows ?? 0), updated: 0, unchanged: 0, rejected: Number(rejected.numAffectedRows ?? 0) };
}
