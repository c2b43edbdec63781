import type { Kysely } from 'kysely';
import type { FacilityInput, Facility } from '../../../shared/domain/facility';
import type { AppInfo } from '../../../shared/domain/system';
import { createUser, type UserRow } from '../auth/users';
import { isoToday } from '../clock';
import type { ServiceContext } from '../context';
import { schemaVersion } from '../db/migrate';
import type { Database } from '../db/schema/index';
import { conflict } from '../errors';
import { getFacility, saveFacility } from './facility';

async function isSetupDone(db: Kysely<Database>): Promise<boolean> {
  const facility = await getFacility(db);
  const admin = await db.selectFrom('app_user').select('id').where('roles', 'like', '%admin%').executeTakeFirst();
  return Boolean(facility && admin);
}

/** What the first screen needs: this build, its database, the facility, whether setup is done, today. */
export async function systemInfo(ctx: ServiceContext): Promise<AppInfo> {
  const { handle, appVersion } = ctx.deps;
  return {
    appVersion,
    schemaVersion: (await schemaVersion(handle.db, handle.features)) ?? '',
    database: { kind: handle.kind, label: handle.label },
    facility: await getFacility(ctx.db),
    setupDone: await isSetupDone(ctx.db),
    today: isoToday(ctx.clock),
  };
}

/** The first-run setup: the facility and its first administrator, refused once both exist. */
export async function setUpFacility(
  ctx: ServiceContext,
  input: { facility: FacilityInput; admin: { login: string; fullName: string; password: string } },
): Promise<{ facility: Facility; admin: UserRow }> {
  if (await isSetupDone(ctx.db)) throw conflict('Cet établissement est déjà configuré. Connectez-vous.');
  const facility = await saveFacility(ctx, input.facility);
  const admin = await createUser(ctx, { ...input.admin, roles: ['admin'], mustChangePassword: false });
  return { facility, admin };
}

/** The demo fills an empty base only: not one prepared by `ramed init` (a facility, no account yet). */
export async function assertEmptyForDemo(ctx: ServiceContext): Promise<void> {
  const user = await ctx.db.selectFrom('app_user').select('id').executeTakeFirst();
  if (user || (await getFacility(ctx.db)))
    throw conflict('Cette base contient déjà un établissement ou des comptes : la démonstration ne remplit qu’une base vide.');
}
