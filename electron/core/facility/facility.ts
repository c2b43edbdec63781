import type { Kysely } from 'kysely';
import type { Facility, FacilityInput, FacilityLevel } from '../../../shared/domain/facility';
import { isoNow } from '../clock';
import type { ServiceContext } from '../context';
import type { Database } from '../db/schema/index';

export async function getFacility(db: Kysely<Database>): Promise<Facility | null> {
  const row = await db.selectFrom('facility').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) return null;
  return {
    code: row.code,
    name: row.name,
    level: row.level as FacilityLevel,
    region: row.region,
    cercle: row.cercle,
    commune: row.commune,
  };
}

/** Creates the facility or updates its identity (the facility row is unique). */
export async function saveFacility(ctx: ServiceContext, input: FacilityInput): Promise<Facility> {
  const { db } = ctx;
  const now = isoNow(ctx.clock);
  const values = {
    code: input.code.toUpperCase(),
    name: input.name,
    level: input.level,
    region: input.region || null,
    cercle: input.cercle || null,
    commune: input.commune || null,
  };
  await db
    .insertInto('facility')
    .values({ id: 1, ...values, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...values, updated_at: now }))
    .execute();
  return (await getFacility(db))!;
}
