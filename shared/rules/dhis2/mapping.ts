import { z } from 'zod';
import { CLAIM_CATEGORIES } from '../../domain/claims';
import { EPISODE_TYPES } from '../../domain/episodes';
import { QUALITIES } from '../../domain/registry';
import { FIXED_INDICATOR_KEYS, OPEN_INDICATOR_PREFIXES } from './indicators';
import { AGE_BANDS, SEXES } from './patient-groups';

/** Where one figure goes in DHIS2: a data element and, unless it is DHIS2's default, a category option combo (both by code). */
export interface Dhis2Target {
  dataElement: string;
  categoryOptionCombo?: string;
}

/**
 * Indicator key → target. A key ending in `*` covers an open family (`claim.rejectedByReason.*`,
 * `desk.refusals.*`): `{code}` in its category option combo becomes the reason's code. An exact
 * key wins over the family's `*`. A figure whose key is not mapped is not sent.
 */
export interface Dhis2Mapping {
  dataSet?: string;
  values: Record<string, Dhis2Target>;
}

const code = z
  .string()
  .trim()
  .min(1, 'Code DHIS2 vide')
  .max(50, 'Code DHIS2 de 50 caractères au plus')
  .regex(/^[A-Za-z0-9_.{}-]+$/, 'Code DHIS2 : lettres sans accent, chiffres, « _ », « - » ou « . »');

const target = z.strictObject({ dataElement: code, categoryOptionCombo: code.optional() });

const isMappable = (key: string) =>
  FIXED_INDICATOR_KEYS.includes(key) ||
  OPEN_INDICATOR_PREFIXES.some((p) => key.startsWith(p) && /^(\*|[A-Za-z0-9_.-]{1,40})$/.test(key.slice(p.length)));

export const dhis2MappingSchema = z
  .strictObject({ dataSet: code.optional(), values: z.record(z.string().max(80), target) })
  .superRefine((m, ctx) => {
    const cells = new Map<string, string>();
    for (const [key, t] of Object.entries(m.values)) {
      if (!isMappable(key)) ctx.addIssue({ code: 'custom', message: `Indicateur inconnu : « ${key} » (voir docs/dhis2.md)` });
      if (key.endsWith('*')) continue;
      const cell = `${t.dataElement}/${t.categoryOptionCombo ?? 'default'}`;
      const other = cells.get(cell);
      if (other) ctx.addIssue({ code: 'custom', message: `« ${key} » et « ${other} » vont dans la même case DHIS2 (${cell})` });
      cells.set(cell, key);
    }
  });

/** The mapping the app uses when `dhis2.mapping` is empty: documented in docs/dhis2.md. */
export const DEFAULT_DHIS2_MAPPING: Dhis2Mapping = {
  dataSet: 'RAMED_MENSUEL',
  values: {
    ...Object.fromEntries(
      SEXES.flatMap((s) =>
        AGE_BANDS.map((b) => [
          `patients.seen.${s}.${b}`,
          { dataElement: 'RAMED_PATIENTS_VUS', categoryOptionCombo: `SEXE_${s}_AGE_${b.replace('-', '_').replace('+', '_PLUS')}` },
        ]),
      ),
    ),
    'patients.new': { dataElement: 'RAMED_PATIENTS_NOUVEAUX' },
    ...Object.fromEntries(
      QUALITIES.map((q) => [
        `patients.quality.${q}`,
        { dataElement: 'RAMED_PATIENTS_QUALITE', categoryOptionCombo: `QUALITE_${q.toUpperCase()}` },
      ]),
    ),
    ...Object.fromEntries(
      EPISODE_TYPES.map((t) => [
        `episodes.type.${t}`,
        { dataElement: 'RAMED_EPISODES', categoryOptionCombo: `EPISODE_${t.toUpperCase()}` },
      ]),
    ),
    'episodes.emergencies': { dataElement: 'RAMED_EPISODES_URGENCES' },
    ...Object.fromEntries(
      CLAIM_CATEGORIES.map((c) => [
        `care.amount.${c}`,
        { dataElement: 'RAMED_PRESTATIONS_MONTANT', categoryOptionCombo: `CATEGORIE_${c.toUpperCase()}` },
      ]),
    ),
    'medicines.amount': { dataElement: 'RAMED_MEDICAMENTS_MONTANT' },
    'claim.claimed': { dataElement: 'RAMED_MONTANT_RECLAME' },
    ...Object.fromEntries(
      CLAIM_CATEGORIES.map((c) => [
        `claim.claimedByCategory.${c}`,
        { dataElement: 'RAMED_MONTANT_RECLAME_CATEGORIE', categoryOptionCombo: `CATEGORIE_${c.toUpperCase()}` },
      ]),
    ),
    'claim.accepted': { dataElement: 'RAMED_MONTANT_ACCEPTE' },
    'claim.rejected': { dataElement: 'RAMED_MONTANT_REJETE' },
    'claim.paid': { dataElement: 'RAMED_MONTANT_PAYE' },
    'claim.rejectedByReason.*': { dataElement: 'RAMED_MONTANT_REJETE_MOTIF', categoryOptionCombo: 'MOTIF_{code}' },
    'desk.refusals.*': { dataElement: 'RAMED_REFUS_ACCUEIL', categoryOptionCombo: 'MOTIF_{code}' },
    // The tracer medicines of the sample list: an ACT for adults and children, injectable artesunate, ORS, zinc, amoxicillin.
    ...Object.fromEntries(
      ['AL2012C', 'AL2006C', 'ARTS60I', 'SRO', 'ZINC20C', 'AMOX500G'].map((m) => [
        `stock.daysOut.${m}`,
        { dataElement: 'RAMED_JOURS_RUPTURE', categoryOptionCombo: `TRACEUR_${m}` },
      ]),
    ),
  },
};

/** Reads the `dhis2.mapping` setting: empty means the default; otherwise the JSON must pass the schema. */
export function parseDhis2Mapping(text: string): { ok: true; mapping: Dhis2Mapping } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, mapping: DEFAULT_DHIS2_MAPPING };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'JSON illisible : collez un objet {"dataSet": …, "values": {…}} (voir docs/dhis2.md).' };
  }
  const parsed = dhis2MappingSchema.safeParse(json);
  if (parsed.success) return { ok: true, mapping: parsed.data };
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length ? ` (${issue.path.join('.')})` : '';
  return { ok: false, message: `${issue.code === 'custom' ? issue.message : `Correspondance DHIS2 invalide${where} : ${issue.message}`}` };
}

/** Where a figure goes, or null when the mapping leaves it out. */
export function targetOf(mapping: Dhis2Mapping, key: string): Dhis2Target | null {
  const exact = mapping.values[key];
  if (exact) return exact;
  const prefix = OPEN_INDICATOR_PREFIXES.find((p) => key.startsWith(p));
  const family = prefix ? mapping.values[`${prefix}*`] : undefined;
  if (!family || !prefix) return null;
  const reason = key.slice(prefix.length);
  return {
    dataElement: family.dataElement,
    ...(family.categoryOptionCombo && { categoryOptionCombo: family.categoryOptionCombo.replace('{code}', reason) }),
  };
}
