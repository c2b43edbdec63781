import { stringify } from 'csv-stringify/sync';
import { frenchDate } from '../../../shared/lib/dates';
import type { RegistrationRequest } from '../../../shared/domain/reception';
import { REASON_LABELS, type ReasonCode } from '../../../shared/domain/registry';
import type { GeneratedFile } from '../../../shared/contract/files';
import { regularisationText } from '../../../shared/rules/regularisation';
import { isoToday } from '../clock';
import type { ServiceContext } from '../context';
import { DomainError } from '../errors';
import { checkRecepisse } from '../registry/lookup';
import { regularisationOf } from './regularisation';

/** What the desk types for a request; the rest (date, agent, the registry's answer) is recorded. */
export type NewRegistrationRequest = Pick<
  RegistrationRequest,
  'familyName' | 'givenNames' | 'sex' | 'birthDate' | 'birthYearOnly' | 'commune' | 'phone' | 'recepisse'
>;

/**
 * Records at the desk a person the registry does not cover today. A récépissé that the registry
 * finds eligible is refused: that person is admitted normally.
 */
export async function recordRegistrationRequest(
  ctx: ServiceContext,
  input: NewRegistrationRequest,
): Promise<{ id: number; registryReason: string | null }> {
  const { db, clock, login: byLogin } = ctx;
  const today = isoToday(clock);
  let registryReason: ReasonCode | null = null;
  if (input.recepisse !== null) {
    const check = await checkRecepisse(ctx, { recepisse: input.recepisse, date: today });
    if (check.eligible) {
      throw new DomainError(
        'CONFLICT',
        'Ce récépissé est couvert par le registre aujourd’hui : admettez la personne normalement, sans demande d’immatriculation.',
        { recepisse: 'Récépissé couvert par le registre' },
      );
    }
    registryReason = check.reasons[0] ?? 'NOT_FOUND';
  }
  const row = await db
    .insertInto('registration_request')
    .values({
      family_name: input.familyName,
      given_names: input.givenNames,
      sex: input.sex,
      birth_date: input.birthDate,
      birth_year_only: input.birthYearOnly ? 1 : 0,
      commune: input.commune,
      phone: input.phone,
      requested_on: today,
      recepisse: input.recepisse,
      registry_reason: registryReason,
      by_login: byLogin,
      created_at: clock.now().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), registryReason };
}

/** The requests recorded between two days (inclusive), oldest first, with their emergency episodes. */
export async function listRegistrationRequests(ctx: ServiceContext, range: { from: string; to: string }): Promise<RegistrationRequest[]> {
  const { db } = ctx;
  const rows = await db
    .selectFrom('registration_request')
    .selectAll()
    .where('requested_on', '>=', range.from)
    .where('requested_on', '<=', range.to)
    .orderBy('requested_on')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const episodes = await db
    .selectFrom('episode')
    .select(['id', 'number', 'opened_at', 'person_id', 'recepisse', 'registration_request_id'])
    .where(
      'registration_request_id',
      'in',
      rows.map((r) => Number(r.id)),
    )
    .orderBy('id')
    .execute();
  const today = isoToday(ctx.clock);
  const out: RegistrationRequest[] = [];
  for (const r of rows) {
    const own = episodes.filter((e) => Number(e.registration_request_id) === Number(r.id));
    const linked = [];
    for (const e of own) {
      const status = await regularisationOf(
        db,
        { personId: e.person_id, recepisse: e.recepisse, careDay: e.opened_at.slice(0, 10) },
        today,
      );
      linked.push({ id: Number(e.id), number: e.number, openedOn: e.opened_at.slice(0, 10), regularisation: regularisationText(status) });
    }
    out.push({
      id: Number(r.id),
      familyName: r.family_name,
      givenNames: r.given_names,
      sex: r.sex,
      birthDate: r.birth_date,
      birthYearOnly: r.birth_year_only === 1,
      commune: r.commune,
      phone: r.phone,
      requestedOn: r.requested_on,
      recepisse: r.recepisse,
      registryReason: r.registry_reason,
      byLogin: r.by_login,
      episodes: linked,
    });
  }
  return out;
}

export const REGISTRATION_CSV_COLUMNS = [
  'N° de demande',
  'Date de la demande',
  'Nom',
  'Prénoms',
  'Sexe',
  'Naissance',
  'Commune',
  'Téléphone',
  'Récépissé présenté',
  'Registre',
  'Agent',
  'Admission en urgence',
] as const;

/** The requests for the social services: a French spreadsheet (`;`, BOM, dates JJ/MM/AAAA). */
export function registrationRequestsCsv(requests: readonly RegistrationRequest[]): string {
  const rows = requests.map((r) => [
    r.id,
    frenchDate(r.requestedOn),
    r.familyName,
    r.givenNames,
    r.sex,
    r.birthYearOnly ? `vers ${r.birthDate.slice(0, 4)}` : frenchDate(r.birthDate),
    r.commune,
    r.phone ?? '',
    r.recepisse ?? '',
    r.registryReason ? (REASON_LABELS[r.registryReason as ReasonCode] ?? r.registryReason) : '',
    r.byLogin,
    r.episodes.map((e) => `${e.number} du ${frenchDate(e.openedOn)}`).join(', '),
  ]);
  return '\uFEFF' + stringify([[...REGISTRATION_CSV_COLUMNS], ...rows], { delimiter: ';' });
}

export function registrationRequestsFile(requests: readonly RegistrationRequest[], range: { from: string; to: string }): GeneratedFile {
  return {
    fileName: `demandes-immatriculation-${range.from}-${range.to}.csv`,
    mimeType: 'text/csv',
    base64: Buffer.from(registrationRequestsCsv(requests), 'utf8').toString('base64'),
  };
}
