import type { Kysely, Selectable } from 'kysely';
import type { FacilityLevel } from '../../../shared/domain/facility';
import type { TariffEntry } from '../../../shared/domain/reference';
import { isoToday } from '../clock';
import type { ServiceContext } from '../context';
import type { Database } from '../db/schema/index';
import type { TariffTable } from '../db/schema/reference';

export function toTariffEntry(row: Selectable<TariffTable>): TariffEntry {
  return {
    id: row.id,
    code: row.code,
    label: row.label,
    category: row.category,
    level: row.level,
    price: row.price,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    ramedCovered: row.ramed_covered === 1,
    maxQuantity: row.max_quantity,
    exclusion: row.exclusion,
    caesarean: row.caesarean === 1,
  };
}

/** The acts in force on `date` (default: today), at one level or all, by code. */
export async function listTariffsInForce(
  ctx: ServiceContext,
  { date = isoToday(ctx.clock), level }: { date?: string | undefined; level?: FacilityLevel | undefined },
): Promise<TariffEntry[]> {
  let query = ctx.db
    .selectFrom('tariff')
    .selectAll()
    .where('effective_from', '<=', date)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', date)]));
  if (level) query = query.where('level', '=', level);
  const rows = await query.orderBy('code').orderBy('level').execute();
  return rows.map(toTariffEntry);
}

/** Every version of one act at every level: what pricing needs to tell "unknown" from "not at this level". */
export async function tariffVersions(db: Kysely<Database>, code: string): Promise<TariffEntry[]> {
  const rows = await db.selectFrom('tariff').selectAll().where('code', '=', code).execute();
  return rows.map(toTariffEntry);
}
