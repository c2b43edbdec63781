import type { systemApi } from '../../../shared/api/system';
import { openSession } from '../auth/sessions';
import { createUser } from '../auth/users';
import { runDemo } from '../demo/demo';
import { conflict } from '../errors';
import { getFacility, saveFacility } from '../facility/facility';
import { isoToday } from '../clock';
import { schemaVersion } from '../db/migrate';
import type { Handlers } from './types';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/index';

async function isSetupDone(db: Kysely<Database>): Promise<boolean> {
  const facility = await getFacility(db);
  const admin = await db.selectFrom('app_user').select('id').where('roles', 'like', '%admin%').executeTakeFirst();
  return Boolean(facility && admin);
}

/** The demo fills an empty base only: not one prepared by `ramed init` (a facility, no account yet). */
async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const user = await db.selectFrom('app_user').select('id').executeTakeFirst();
  return !user && !(await getFacility(db));
}

export const systemHandlers: Handlers<typeof systemApi> = {
  'system.info': async (_input, ctx) => {
    const { handle, appVersion } = ctx.deps;
    return {
      appVersion,
      schemaVersion: (await schemaVersion(handle.db, handle.features)) ?? '',
      database: { kind: handle.kind, label: handle.label },
      facility: await getFacility(ctx.db),
      setupDone: await isSetupDone(ctx.db),
      today: isoToday(ctx.clock),
    };
  },
  'setup.create': async (input, ctx) => {
    if (await isSetupDone(ctx.db)) throw conflict('Cet établissement est déjà configuré. Connectez-vous.');
    const facility = await saveFacility(ctx, input.facility);
    const row = await createUser(ctx, { ...input.admin, roles: ['admin'], mustChangePassword: false });
    ctx.audit.entityId = facility.code;
    return openSession(ctx.slot, row, ctx.clock);
  },
  'setup.demo': async (input, ctx) => {
    if (!(await isEmpty(ctx.db)))
      throw conflict('Cette base contient déjà un établissement ou des comptes : la démonstration ne remplit qu’une base vide.');
    return runDemo(ctx.deps, { ...input, progress: ctx.progress, signal: ctx.signal });
  },
  'jobs.cancel': async (input, ctx) => ({ cancelled: ctx.jobs.cancel(input.jobId) }),
  'facility.update': async (input, ctx) => {
    const facility = await saveFacility(ctx, input);
    ctx.audit.entityId = facility.code;
    return facility;
  },
};
