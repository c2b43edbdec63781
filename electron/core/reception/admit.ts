import type { Kysely } from 'kysely';
import type { DeskCheck } from '../../../shared/domain/reception';
import { addDays, frenchDate } from '../../../shared/lib/dates';
import type { AdmissionFacts } from '../../../shared/domain/episodes';
import {
  NO_REFERRAL,
  REFERRAL_REQUIRED,
  REFERRAL_LABELS,
  type AdmitResult,
  type RefusalCode,
  type SameDayEpisode,
} from '../../../shared/domain/reception';
import { REASON_LABELS, type ReasonCode } from '../../../shared/domain/registry';
import { regularisationDeadline } from '../../../shared/rules/regularisation';
import { DomainError } from '../errors';
import { compareNina } from '../../../shared/rules/identity';
import { isoToday } from '../clock';
import type { ServiceContext } from '../context';
import type { Database } from '../db/schema/index';
import { createEpisode } from '../episodes/create';
import { getFacility } from '../facility/facility';
import { checkRecepisse } from '../registry/lookup';
import { getSetting } from '../settings/settings';
import { recordCheck } from './record';

export interface AdmitInput extends AdmissionFacts {
  recepisse: string;
  identityMismatchReason?: string | null;
  confirmSameDay: boolean;
  /** Emergency admission out of the registry: the person's registration request. */
  registrationRequestId?: number | undefined;
  unregisteredReason?: string | null;
}

/** The desk's check of a récépissé, recorded. */
export async function checkAtDesk(ctx: ServiceContext, { recepisse }: { recepisse: string }): Promise<DeskCheck> {
  const { db, clock } = ctx;
  const today = isoToday(clock);
  const result = await checkRecepisse(ctx, { recepisse, date: today });
  await recordCheck(db, {
    at: clock.now().toISOString(),
    byLogin: ctx.login,
    kind: 'verification',
    recepisse,
    personId: result.person?.id ?? null,
    eligible: result.eligible,
    outcome: result.eligible ? 'eligible' : 'non_eligible',
    reasons: result.reasons,
    warnings: result.warnings,
  });
  // Shown with the verdict, so the agent knows before pressing Admettre.
  const seenToday = result.person ? await openedToday(db, { personId: result.person.id }, today) : [];
  return { ...result, seenToday };
}

/** At a CSREF or hospital, a visit neither referred nor an emergency is allowed, warned or refused per setting. */
async function referralDecision(db: Kysely<Database>, input: AdmitInput): Promise<'ok' | 'warn' | 'refuse'> {
  const facility = await getFacility(db);
  if (!facility || facility.level === 'cscom') return 'ok';
  if (input.emergency || input.type === 'urgence' || input.referralFrom !== null) return 'ok';
  const rule = await getSetting(db, 'referral.rule');
  return rule === 'allow' ? 'ok' : rule;
}

/**
 * The person's episodes opened today, open or already closed: a second one the same day is asked
 * again. A récépissé the registry does not hold has no person: its episodes are found by récépissé.
 */
async function openedToday(
  db: Kysely<Database>,
  who: { personId: number } | { recepisse: string },
  today: string,
): Promise<SameDayEpisode[]> {
  const episodes = db.selectFrom('episode').select(['id', 'number', 'opened_at', 'opened_by', 'status']);
  const rows = await ('personId' in who ? episodes.where('person_id', '=', who.personId) : episodes.where('recepisse', '=', who.recepisse))
    .where('opened_at', '>=', today)
    .where('opened_at', '<', addDays(today, 1))
    .orderBy('opened_at')
    .execute();
  return rows.map((r) => ({ id: r.id, number: r.number, openedAt: r.opened_at, openedBy: r.opened_by, status: r.status }));
}

/**
 * The registration request an emergency admission out of the registry rests on, or why it cannot
 * be made: the person must not be covered today, and the request must be this récépissé's. A
 * récépissé the registry does not hold at all is admitted on the request alone: the episode has no
 * person until a registry import brings it (link-persons.ts).
 */
async function unregisteredRequest(
  db: Kysely<Database>,
  input: AdmitInput,
  known: boolean,
  reasons: readonly RefusalCode[],
): Promise<{ familyName: string; givenNames: string }> {
  if (known && reasons.length === 0) throw refusedWith('La personne est couverte par le registre aujourd’hui : admettez-la normalement.');
  const request = await db
    .selectFrom('registration_request')
    .select(['recepisse', 'family_name', 'given_names'])
    .where('id', '=', input.registrationRequestId!)
    .executeTakeFirst();
  if (!request) throw refusedWith('Demande d’immatriculation introuvable : enregistrez-la d’abord.');
  if (request.recepisse !== input.recepisse) throw refusedWith('Cette demande d’immatriculation ne porte pas ce récépissé.');
  return { familyName: request.family_name, givenNames: request.given_names };
}

const refusedWith = (message: string) => new DomainError('REFUSED', message);

/**
 * Admits a person: eligibility is computed here again (the window's answer is never trusted), the
 * referral rule applied, and the decision recorded whether it admits or refuses. Runs in the
 * caller's transaction, which first locks the person's row: two desks admitting the same person at
 * once take turns, and the second one finds the episode the first opened (same-day warning).
 */
export async function admit(ctx: ServiceContext, input: AdmitInput): Promise<AdmitResult> {
  const { db, features, clock, login: byLogin } = ctx;
  await features.forUpdate(db.selectFrom('person').select('id').where('recepisse', '=', input.recepisse)).execute();
  const today = isoToday(clock);
  const identityChecked = input.identityDocument !== 'aucun';
  const check = await checkRecepisse(ctx, { recepisse: input.recepisse, date: today, identityChecked });
  const referral = await referralDecision(db, input);
  const reasons: RefusalCode[] = [...check.reasons];
  if (referral === 'refuse') reasons.push(REFERRAL_REQUIRED);
  const warnings: string[] = [...check.warnings];
  if (referral === 'warn') warnings.push(NO_REFERRAL);

  const base = {
    at: clock.now().toISOString(),
    byLogin,
    kind: 'admission' as const,
    recepisse: input.recepisse,
    personId: check.person?.id ?? null,
    eligible: check.eligible,
    warnings,
    identityDocument: input.identityDocument,
    identityMatches: input.identityMatches,
  };
  const unregistered = input.registrationRequestId !== undefined;
  const request = unregistered ? await unregisteredRequest(db, input, check.person !== null, reasons) : null;
  if ((reasons.length > 0 && !unregistered) || (!check.person && !unregistered)) {
    await recordCheck(db, { ...base, outcome: 'refuse', reasons });
    const labels = reasons.map((r) => (r === REFERRAL_REQUIRED ? REFERRAL_LABELS[r] : REASON_LABELS[r]));
    return { outcome: 'refused', reasons, message: `Admission au titre du RAMED impossible : ${labels.join(' ; ')}.` };
  }
  const person = check.person;
  if (!input.confirmSameDay) {
    const episodes = await openedToday(db, person ? { personId: person.id } : { recepisse: input.recepisse }, today);
    if (episodes.length > 0) return { outcome: 'sameDay', episodes };
  }
  const withoutPerson = person ? undefined : { recepisse: input.recepisse, ...request! };
  const episode = await createEpisode(
    ctx,
    {
      personId: person?.id ?? null,
      type: input.type,
      emergency: input.emergency || input.type === 'urgence',
      referralFrom: input.referralFrom ?? undefined,
      referralRef: input.referralRef ?? undefined,
      identityDocument: input.identityDocument,
      identityNumber: input.identityNumber ?? undefined,
      identityMatches: input.identityMatches,
      identityMismatchReason: input.identityMatches === false ? (input.identityMismatchReason ?? undefined) : undefined,
      ninaCheck: input.identityDocument === 'cni_nina' && person ? compareNina(input.identityNumber, person.nina) : null,
      eligibility: { eligible: !unregistered, reasons: unregistered ? (reasons as ReasonCode[]) : [], warnings },
    },
    withoutPerson,
  );
  if (unregistered) {
    await db
      .updateTable('episode')
      .set({ registration_request_id: input.registrationRequestId!, unregistered_reason: input.unregisteredReason ?? null })
      .where('id', '=', episode.id)
      .execute();
    const days = await getSetting(db, 'reception.regularisationDays');
    warnings.push(
      `Admission en urgence hors registre : à régulariser au plus tard le ${frenchDate(regularisationDeadline(today, days))} (la personne doit apparaître au registre, éligible ce jour).`,
    );
  }
  await recordCheck(db, { ...base, outcome: 'admis', reasons: unregistered ? reasons : [], episodeId: episode.id });
  return { outcome: 'admitted', episodeId: episode.id, number: episode.number, warnings };
}
