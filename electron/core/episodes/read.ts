import type { Selectable } from 'kysely';
import type { EpisodeLine, EpisodeTotals, EpisodeView, LineState } from '../../../shared/domain/episodes';
import type { DispensedLine } from '../../../shared/domain/pharmacy';
import type { ServiceContext } from '../context';
import type { PrestationTable } from '../db/schema/episodes';
import { DomainError, notFound } from '../errors';
import { getFacility } from '../facility/facility';
import { patientColumns } from './patient';
import { episodeLines } from '../pharmacy/lines';
import { unregisteredAdmission } from '../reception/unregistered';
import { toEpisodeAdmission } from '../db/mappers/episode';

/** Each line with its state: in force, cancelled (by a later line), or the cancellation itself. */
export function describeLines(rows: ReadonlyArray<Selectable<PrestationTable>>): EpisodeLine[] {
  const cancellations = new Map(rows.filter((r) => r.cancels_id !== null).map((r) => [r.cancels_id!, r]));
  return rows.map((r) => {
    const cancelledBy = cancellations.get(r.id) ?? null;
    const state: LineState = r.cancels_id !== null ? 'annulation' : cancelledBy ? 'annulee' : 'active';
    return {
      id: r.id,
      kind: r.kind,
      code: r.code,
      label: r.label,
      category: r.category,
      performedOn: r.performed_on,
      quantity: r.quantity,
      unitPrice: r.unit_price,
      amount: r.amount,
      payer: r.payer,
      programme: r.programme_code,
      prescriber: r.prescriber,
      state,
      cancelsId: r.cancels_id,
      cancelledById: cancelledBy?.id ?? null,
      reason: cancelledBy?.reason ?? r.reason,
      ...(r.off_list_reason ? { offListReason: r.off_list_reason } : {}),
      createdAt: r.created_at,
      createdBy: r.created_by,
    };
  });
}

/**
 * What the RAMED is billed for: acts and medicines in force only (a cancelled line and its
 * cancellation cancel out), without the lines a free-care programme pays.
 */
export function totalsOf(lines: readonly EpisodeLine[], medicines: readonly DispensedLine[] = []): EpisodeTotals {
  const active = lines.filter((l) => l.state === 'active');
  const activeMedicines = medicines.filter((m) => m.state === 'active');
  const acts = active.filter((l) => l.payer === 'ramed').reduce((sum, l) => sum + l.amount, 0);
  const medicineAmount = activeMedicines.filter((m) => !m.programme).reduce((sum, m) => sum + m.amount, 0);
  const programmeMedicines = activeMedicines.filter((m) => m.programme).reduce((sum, m) => sum + m.amount, 0);
  return {
    ramed: acts + medicineAmount,
    acts,
    medicines: medicineAmount,
    programme: active.filter((l) => l.payer !== 'ramed').reduce((sum, l) => sum + l.amount, 0) + programmeMedicines,
    activeLines: active.length,
    activeMedicines: activeMedicines.length,
  };
}

export async function getEpisode({ db }: ServiceContext, { id }: { id: number }): Promise<EpisodeView> {
  const row = await db
    .selectFrom('episode')
    .leftJoin('person', 'person.id', 'episode.person_id')
    .leftJoin('registration_request as rr', 'rr.id', 'episode.registration_request_id')
    .selectAll('episode')
    .select([...patientColumns('person', 'rr'), 'person.quality', 'person.holder_recepisse'])
    .where('episode.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Épisode introuvable.');
  const facility = await getFacility(db);
  if (!facility) throw new DomainError('CONFLICT', 'L’établissement n’est pas configuré : voyez l’administrateur.');
  const lineRows = await db.selectFrom('prestation').selectAll().where('episode_id', '=', id).orderBy('id').execute();
  const events = await db.selectFrom('episode_event').selectAll().where('episode_id', '=', id).orderBy('id').execute();
  const lines = describeLines(lineRows);
  const medicines = await episodeLines(db, id);
  const claimedIn = await db
    .selectFrom('claim_episode')
    .innerJoin('claim', 'claim.id', 'claim_episode.claim_id')
    .select(['claim.month', 'claim.version', 'claim.status'])
    .where('claim_episode.episode_id', '=', id)
    .where('claim.status', '!=', 'brouillon')
    .orderBy('claim.version')
    .execute();
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    ...toEpisodeAdmission(row),
    unregistered: await unregisteredAdmission(db, row),
    openedAt: row.opened_at,
    openedBy: row.opened_by,
    endedOn: row.ended_on,
    closedAt: row.closed_at,
    closedBy: row.closed_by,
    diagnosis: row.diagnosis,
    icd10: row.icd10,
    outcome: row.outcome,
    patient: {
      personId: row.person_id,
      recepisse: row.recepisse,
      familyName: row.family_name,
      givenNames: row.given_names,
      sex: row.sex,
      birthDate: row.birth_date,
      birthYearOnly: row.birth_year_only === 1,
      quality: row.quality,
      holderRecepisse: row.holder_recepisse,
    },
    level: facility.level,
    lines,
    medicines,
    totals: totalsOf(lines, medicines),
    events: events.map((e) => ({ id: e.id, kind: e.kind, at: e.at, by: e.by_login, reason: e.reason })),
    claimedIn,
  };
}
