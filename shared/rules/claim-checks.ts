import { frenchDate } from '../lib/dates';
import type { ClaimCheck, ClaimEpisodeInput, ClaimFlag, ClaimLine } from '../domain/claims';
import type { FacilityLevel } from '../domain/facility';
import { REASON_LABELS } from '../domain/registry';
import { EXCLUSION_LABELS, tariffInForce, type MedicineEntry, type TariffEntry } from '../domain/reference';
import { formatAmount } from '../lib/money';

/**
 * The checks run on a month's claim before sign-off. Pure: the caller supplies the episodes with
 * their lines, the eligibility re-checked against the registry, and the reference lists. Each
 * check answers flags with a stable code and a French message; which ones block is a setting.
 */

export interface CheckContext {
  level: FacilityLevel;
  tariffs: readonly TariffEntry[];
  medicines: readonly MedicineEntry[];
  /** Most units of one medicine on one line (setting `claims.medicineMaxQuantity`). */
  medicineMaxQuantity: number;
}

type EpisodeCheck = (episode: ClaimEpisodeInput, ctx: CheckContext) => string | null;
type LineCheck = (line: ClaimLine, episode: ClaimEpisodeInput, ctx: CheckContext) => string | null;

const tariffOf = (line: ClaimLine, ctx: CheckContext) =>
  line.kind === 'acte'
    ? ctx.tariffs.find((t) => t.code === line.code && t.level === ctx.level && tariffInForce(t, line.performedOn))
    : undefined;
const medicineOf = (line: ClaimLine, ctx: CheckContext) =>
  ctx.medicines.find((m) => m.code === line.code && tariffInForce(m, line.performedOn));

const REFERRAL_LEVELS: readonly FacilityLevel[] = ['csref', 'hopital'];

/** Admitted as eligible, and the registry's data on the patient arrived after: care given in good faith. */
const protectedByAdmission = (e: ClaimEpisodeInput): boolean =>
  e.eligibility.admission?.eligible === true && e.eligibility.admission.registryChangedSince;
const reasonsText = (e: ClaimEpisodeInput): string => e.eligibility.reasons.map((r) => REASON_LABELS[r]).join(' ; ') || 'motif non précisé';

/**
 * Admitted in an emergency out of the registry: NOT_REGULARISED judges the episode instead of
 * PATIENT_NOT_ELIGIBLE (a renewal recorded in time covers the day of care, whatever day it took effect).
 */
const notRegularised = (e: ClaimEpisodeInput): boolean =>
  !!e.unregistered && e.unregistered.regularisedOn === null && !e.unregistered.pending;

const EPISODE_CHECKS: Partial<Record<ClaimCheck, EpisodeCheck>> = {
  PATIENT_NOT_ELIGIBLE: (e) =>
    e.eligibility.eligible || protectedByAdmission(e) || !!e.unregistered
      ? null
      : `${e.patientName} n’était pas éligible le ${frenchDate(e.openedOn)} selon le registre à cette date (${reasonsText(e)}).`,
  ELIGIBILITY_CHANGED: (e) =>
    !e.eligibility.eligible && protectedByAdmission(e)
      ? `${e.patientName} était éligible à l’admission du ${frenchDate(e.openedOn)} ; le registre reçu depuis le dit non éligible à cette date (${reasonsText(e)}). Soins donnés de bonne foi.`
      : null,
  END_BEFORE_START: (e) =>
    e.endedOn < e.openedOn ? `L’épisode finit le ${frenchDate(e.endedOn)}, avant son ouverture le ${frenchDate(e.openedOn)}.` : null,
  IDENTITY_NOT_CHECKED: (e) =>
    e.identityDocument === 'aucun'
      ? 'Aucune pièce d’identité n’a été présentée à l’admission.'
      : e.identityMatches === null
        ? 'La concordance de la pièce présentée n’a pas été notée.'
        : null,
  IDENTITY_MISMATCH: (e) => {
    const why = e.identityMismatchReason ? ` Motif noté : « ${e.identityMismatchReason} ».` : '';
    if (e.identityMatches === false) return `La pièce présentée ne correspondait pas à la personne (admis quand même).${why}`;
    if (e.ninaCheck === 'mismatch') return 'Le NINA saisi à l’admission diffère de celui du registre.';
    return null;
  },
  NOT_REGULARISED: (e) =>
    notRegularised(e)
      ? `${e.patientName}, admis en urgence hors registre le ${frenchDate(e.openedOn)}, n’est pas apparu au registre, éligible ce jour-là, au plus tard le ${frenchDate(e.unregistered!.deadline)} : épisode à laisser hors de la réclamation tant qu’il n’est pas régularisé.`
      : null,
  REGULARISATION_PENDING: (e) =>
    e.unregistered?.pending
      ? `${e.patientName}, admis en urgence hors registre le ${frenchDate(e.openedOn)}, doit apparaître au registre, éligible ce jour-là, au plus tard le ${frenchDate(e.unregistered.deadline)} : soins en attente de régularisation.`
      : null,
  NO_REFERRAL: (e, ctx) =>
    REFERRAL_LEVELS.includes(ctx.level) && !e.referralFrom && !e.emergency && e.type !== 'urgence'
      ? 'Patient reçu sans référence d’un niveau inférieur, hors urgence.'
      : null,
};

const LINE_CHECKS: Partial<Record<ClaimCheck, LineCheck>> = {
  NOT_IN_TARIFF: (l, _e, ctx) => {
    if (l.kind === 'acte' && !tariffOf(l, ctx))
      return `L’acte « ${l.code} » n’a pas de tarif à ce niveau en vigueur le ${frenchDate(l.performedOn)}.`;
    if (l.kind === 'medicament' && !medicineOf(l, ctx))
      return `Le médicament « ${l.code} » n’est pas dans la liste en vigueur le ${frenchDate(l.performedOn)}.`;
    return null;
  },
  NON_POSITIVE_AMOUNT: (l) =>
    l.amount <= 0 || l.unitPrice <= 0 ? `Montant de ${formatAmount(l.amount)} pour « ${l.label} » : il doit être positif.` : null,
  QUANTITY_OVER_LIMIT: (l, e, ctx) => {
    if (l.kind === 'medicament') {
      return l.quantity > ctx.medicineMaxQuantity
        ? `${l.quantity} unités de « ${l.label} » sur une ligne : la limite est de ${ctx.medicineMaxQuantity}.`
        : null;
    }
    const max = tariffOf(l, ctx)?.maxQuantity ?? null;
    if (max === null) return null;
    // Units of this act up to this line: only the lines that go past the limit are flagged.
    const upTo = e.lines.slice(0, e.lines.indexOf(l) + 1);
    const inEpisode = upTo.filter((o) => o.kind === 'acte' && o.code === l.code).reduce((sum, o) => sum + o.quantity, 0);
    return inEpisode > max ? `« ${l.label} » : ${inEpisode} dans l’épisode pour ${max} au plus.` : null;
  },
  CAESAREAN_BILLED: (l, _e, ctx) =>
    tariffOf(l, ctx)?.caesarean && l.payer === 'ramed'
      ? `« ${l.label} » relève du programme de gratuité de la césarienne : elle ne peut pas être facturée au RAMED.`
      : null,
  EXCLUDED_CARE: (l, _e, ctx) => {
    const exclusion = tariffOf(l, ctx)?.exclusion;
    return exclusion ? `« ${l.label} » est exclu de la prise en charge RAMED (${EXCLUSION_LABELS[exclusion]}).` : null;
  },
};

/** The same act keyed twice for the same patient on the same day: every occurrence after the first. */
function duplicateActs(episodes: readonly ClaimEpisodeInput[]): ClaimFlag[] {
  const seen = new Set<string>();
  const flags: ClaimFlag[] = [];
  for (const e of episodes) {
    for (const l of e.lines) {
      if (l.kind !== 'acte') continue;
      const key = `${e.personId}|${l.code}|${l.performedOn}`;
      if (seen.has(key)) {
        flags.push({
          code: 'DUPLICATE_ACT',
          episodeId: e.episodeId,
          lineKey: l.key,
          message: `« ${l.label} » figure déjà pour ${e.patientName} le ${frenchDate(l.performedOn)}.`,
        });
      }
      seen.add(key);
    }
  }
  return flags;
}

/** The same patient admitted twice on one day: every admission after the first. */
function duplicateAdmissions(episodes: readonly ClaimEpisodeInput[]): ClaimFlag[] {
  const first = new Map<string, ClaimEpisodeInput>();
  const flags: ClaimFlag[] = [];
  for (const e of episodes) {
    const key = `${e.personId}|${e.openedOn}`;
    const earlier = first.get(key);
    if (earlier) {
      flags.push({
        code: 'DUPLICATE_ADMISSION',
        episodeId: e.episodeId,
        lineKey: null,
        message: `${e.patientName} a déjà été admis le ${frenchDate(e.openedOn)} (épisode ${earlier.number}).`,
      });
    } else first.set(key, e);
  }
  return flags;
}

/** Every flag of the month, episode by episode (episodes in the order given, lines in theirs). */
export function checkClaim(episodes: readonly ClaimEpisodeInput[], ctx: CheckContext): ClaimFlag[] {
  const flags: ClaimFlag[] = [];
  for (const e of episodes) {
    for (const [code, check] of Object.entries(EPISODE_CHECKS) as Array<[ClaimCheck, EpisodeCheck]>) {
      const message = check(e, ctx);
      if (message) flags.push({ code, episodeId: e.episodeId, lineKey: null, message });
    }
    for (const l of e.lines) {
      for (const [code, check] of Object.entries(LINE_CHECKS) as Array<[ClaimCheck, LineCheck]>) {
        const message = check(l, e, ctx);
        if (message) flags.push({ code, episodeId: e.episodeId, lineKey: l.key, message });
      }
    }
  }
  return [...flags, ...duplicateActs(episodes), ...duplicateAdmissions(episodes)];
}
