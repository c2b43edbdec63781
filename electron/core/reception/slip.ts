import { personName } from '../../../shared/domain/registry';
import type { Kysely } from 'kysely';
import type { GeneratedFile } from '../../../shared/contract/files';
import { isoNow } from '../clock';
import type { ServiceContext } from '../context';
import type { Database } from '../db/schema/index';
import { DomainError, notFound } from '../errors';
import { patientColumns } from '../episodes/patient';
import { getFacility } from '../facility/facility';
import type { SlipData } from './slip-data';
import { unregisteredAdmission } from './unregistered';
import { toEpisodeAdmission } from '../db/mappers/episode';

export type { SlipData };

export async function slipData(db: Kysely<Database>, episodeId: number): Promise<SlipData> {
  const row = await db
    .selectFrom('episode')
    .leftJoin('person', 'person.id', 'episode.person_id')
    .leftJoin('registration_request as rr', 'rr.id', 'episode.registration_request_id')
    .leftJoin('app_user', 'app_user.login', 'episode.opened_by')
    .selectAll('episode')
    .select([
      ...patientColumns('person', 'rr'),
      'person.quality',
      'person.holder_recepisse',
      'person.valid_from',
      'person.valid_to',
      'app_user.full_name',
    ])
    .where('episode.id', '=', episodeId)
    .executeTakeFirst();
  if (!row) throw notFound('Épisode introuvable.');
  const facility = await getFacility(db);
  if (!facility) throw new DomainError('CONFLICT', 'L’établissement n’est pas configuré : voyez l’administrateur.');
  const holder = row.holder_recepisse
    ? await db.selectFrom('person').select(['valid_from', 'valid_to']).where('recepisse', '=', row.holder_recepisse).executeTakeFirst()
    : undefined;
  const validity = holder ?? { valid_from: row.valid_from, valid_to: row.valid_to };
  return {
    facility,
    number: row.number,
    openedAt: row.opened_at,
    agent: row.full_name ? `${row.full_name} (${row.opened_by})` : row.opened_by,
    patient: {
      name: personName(row.family_name, row.given_names),
      sex: row.sex,
      birthDate: row.birth_date,
      birthYearOnly: row.birth_year_only === 1,
      recepisse: row.recepisse,
      quality: row.quality,
      holderRecepisse: row.holder_recepisse,
    },
    ...toEpisodeAdmission(row),
    validFrom: validity.valid_from,
    validTo: validity.valid_to,
    unregistered: await unregisteredAdmission(db, row),
  };
}

/** The admission slip of an episode, as a PDF to print (right after admission, or again later). */
export async function admissionSlip(ctx: ServiceContext, { episodeId }: { episodeId: number }): Promise<GeneratedFile> {
  const data = await slipData(ctx.db, episodeId);
  // jsPDF and qrcode load with the first PDF, not at every start of the app or the CLI.
  const { slipPdf } = await import('./slip-pdf');
  const bytes = slipPdf(data, { printedAt: isoNow(ctx.clock), appVersion: ctx.appVersion });
  return { fileName: `fiche-admission-${data.number}.pdf`, mimeType: 'application/pdf', base64: Buffer.from(bytes).toString('base64') };
}
