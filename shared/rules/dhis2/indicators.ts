import { CLAIM_CATEGORIES, CLAIM_CATEGORY_LABELS, type CategoryTotals } from '../../domain/claims';
import { EPISODE_TYPES, EPISODE_TYPE_LABELS } from '../../domain/episodes';
import { QUALITIES, QUALITY_LABELS } from '../../domain/registry';
import type { StatisticsReport } from '../../domain/statistics';
import { AGE_BANDS, AGE_BAND_LABELS, SEXES, type PatientGroups } from './patient-groups';

/** One monthly figure under its stable key (what the mapping names), with its French label. */
export interface Indicator {
  key: string;
  label: string;
  value: number;
}

const SEX_LABELS = { M: 'hommes', F: 'femmes' } as const;

/**
 * The monthly RAMED figures DHIS2 receives, read from the statistics screen's own report (never
 * recomputed) plus the split of its patients by sex, age band and quality. A figure the app does
 * not know (a claim not signed, no answer or payment yet) is absent, not zero. `claimed` is the
 * signed claim's own totals by category (null while none is signed). Pure.
 */
export function monthIndicators(report: StatisticsReport, groups: PatientGroups, claimed: CategoryTotals | null = null): Indicator[] {
  const out: Indicator[] = [];
  const add = (key: string, label: string, value: number | null | undefined) => {
    if (value !== null && value !== undefined) out.push({ key, label, value });
  };
  for (const sex of SEXES)
    for (const band of AGE_BANDS)
      add(
        `patients.seen.${sex}.${band}`,
        `Patients vus, ${SEX_LABELS[sex]}, ${AGE_BAND_LABELS[band]}`,
        groups.bySexAndAge[`${sex}.${band}`],
      );
  add('patients.new', 'Nouveaux patients', report.patients.new);
  for (const quality of QUALITIES)
    add(`patients.quality.${quality}`, `Patients vus : ${QUALITY_LABELS[quality]}`, groups.byQuality[quality]);
  for (const t of report.episodeTypes) add(`episodes.type.${t.type}`, `Épisodes : ${EPISODE_TYPE_LABELS[t.type]}`, t.episodes);
  add('episodes.emergencies', 'Épisodes en urgence', report.emergencies);
  const care = new Map(report.prestations.map((p) => [p.category, p.amount]));
  for (const category of CLAIM_CATEGORIES)
    add(`care.amount.${category}`, `Prestations RAMED (FCFA) : ${CLAIM_CATEGORY_LABELS[category]}`, care.get(category) ?? 0);
  add('medicines.amount', 'Médicaments dispensés (FCFA)', report.medicinesAmount);
  const claim = report.claims.months[0];
  add('claim.claimed', 'Montant réclamé (FCFA)', claim?.claimed);
  if (claimed && claim?.claimed !== null)
    for (const category of CLAIM_CATEGORIES)
      add(`claim.claimedByCategory.${category}`, `Montant réclamé (FCFA) : ${CLAIM_CATEGORY_LABELS[category]}`, claimed[category] ?? 0);
  add('claim.accepted', 'Montant accepté par l’ANAM (FCFA)', claim?.accepted);
  add('claim.rejected', 'Montant rejeté par l’ANAM (FCFA)', claim?.rejected);
  add('claim.paid', 'Montant payé par l’ANAM (FCFA)', claim?.paid);
  for (const r of report.claims.reasons) add(`claim.rejectedByReason.${r.code}`, `Montant rejeté (FCFA) : ${r.label}`, r.amount);
  for (const r of report.eligibility.reasons) add(`desk.refusals.${r.code}`, `Refus à l’accueil : ${r.label}`, r.refusals);
  for (const s of report.stock)
    add(`stock.daysOut.${s.medicineCode}`, `Jours de rupture : ${s.dci} ${s.presentation}`.trim(), s.daysOutOfStock);
  return out;
}

/** Every key a mapping may name for the fixed figures (reasons and medicines are open lists, by code). */
export const FIXED_INDICATOR_KEYS: readonly string[] = [
  ...SEXES.flatMap((s) => AGE_BANDS.map((b) => `patients.seen.${s}.${b}`)),
  'patients.new',
  ...QUALITIES.map((q) => `patients.quality.${q}`),
  ...EPISODE_TYPES.map((t) => `episodes.type.${t}`),
  'episodes.emergencies',
  ...CLAIM_CATEGORIES.map((c) => `care.amount.${c}`),
  'medicines.amount',
  'claim.claimed',
  ...CLAIM_CATEGORIES.map((c) => `claim.claimedByCategory.${c}`),
  'claim.accepted',
  'claim.rejected',
  'claim.paid',
];

/** The open families: a code follows the prefix (an ANAM reason, a desk refusal reason, a medicine code). */
export const OPEN_INDICATOR_PREFIXES = ['claim.rejectedByReason.', 'desk.refusals.', 'stock.daysOut.'] as const;
