import type { Selectable } from 'kysely';
import type { Dhis2Conflict } from '../../../shared/rules/dhis2/import-summary';
import type { Dhis2Send } from '../../../shared/domain/dhis2';
import type { ServiceContext } from '../context';
import type { Dhis2SendTable } from '../db/schema/dhis2';
import { DomainError } from '../errors';
import { getSettings } from '../settings/settings';
import { postDataValueSet } from './post';
import { monthDataValueSet } from './preview';

const toView = (r: Selectable<Dhis2SendTable>): Dhis2Send => ({
  id: Number(r.id),
  month: r.month,
  orgUnit: r.org_unit,
  url: r.url,
  sentAt: r.sent_at,
  by: r.by_login,
  dryRun: Number(r.dry_run) === 1,
  httpStatus: Number(r.http_status),
  status: r.status,
  imported: Number(r.imported),
  updated: Number(r.updated),
  ignored: Number(r.ignored),
  deleted: Number(r.deleted),
  conflicts: JSON.parse(r.conflicts) as Dhis2Conflict[],
  valuesSent: Number(r.values_sent),
});

/** The sends recorded, newest first (of one month, or all). */
export async function listDhis2Sends(ctx: ServiceContext, { month }: { month?: string | undefined }, limit = 50): Promise<Dhis2Send[]> {
  let query = ctx.db.selectFrom('dhis2_send').selectAll().orderBy('sent_at', 'desc').orderBy('id', 'desc').limit(limit);
  if (month) query = query.where('month', '=', month);
  return (await query.execute()).map(toView);
}

/**
 * Posts the month's dataValueSet to the configured DHIS2 and records its import summary (success,
 * conflicts or whole refusal alike). Nothing is recorded when DHIS2 gave no summary (bad login,
 * server down, no network): the caller gets the French reason. The post runs outside any
 * transaction, so a slow server never holds the database.
 */
export async function sendToDhis2(
  ctx: ServiceContext,
  input: { month: string; dryRun: boolean },
  fetchImpl?: typeof fetch,
): Promise<Dhis2Send> {
  const { db } = ctx;
  const server = await getSettings(db, ['dhis2.url', 'dhis2.username', 'dhis2.password', 'dhis2.timeoutMs']);
  if (!server['dhis2.url'])
    throw new DomainError('REFUSED', 'Adresse du DHIS2 non réglée : Administration › Paramètres › DHIS2 (dhis2.url).');
  if (!server['dhis2.username'])
    throw new DomainError(
      'REFUSED',
      'Utilisateur DHIS2 non réglé : Administration › Paramètres › DHIS2 (dhis2.username et dhis2.password).',
    );
  const built = await monthDataValueSet(ctx, input.month);
  if (built.sent.length === 0)
    throw new DomainError('REFUSED', `Aucun chiffre à envoyer pour ${built.label} : tout est à zéro ou hors correspondance.`);
  const { dataValueSet } = built;

  const { httpStatus, summary } = await postDataValueSet(
    {
      url: server['dhis2.url'],
      username: server['dhis2.username'],
      password: server['dhis2.password'],
      timeoutMs: server['dhis2.timeoutMs'],
    },
    dataValueSet,
    { dryRun: input.dryRun, fetch: fetchImpl },
  );
  const row = await db
    .insertInto('dhis2_send')
    .values({
      month: input.month,
      org_unit: built.orgUnit,
      url: server['dhis2.url'],
      sent_at: ctx.clock.now().toISOString(),
      by_login: ctx.login,
      dry_run: input.dryRun ? 1 : 0,
      http_status: httpStatus,
      status: summary.status,
      imported: summary.imported,
      updated: summary.updated,
      ignored: summary.ignored,
      deleted: summary.deleted,
      conflicts: JSON.stringify(summary.conflicts),
      values_sent: dataValueSet.dataValues.length,
      payload: JSON.stringify(dataValueSet),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toView(row);
}
