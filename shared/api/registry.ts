import { z } from 'zod';
import { defineMethod, jobId, returns } from '../contract';
import { isoDate } from '../dates';
import { normalizeRecepisse, type PersonView } from '../domain/registry';
import type { Eligibility } from '../eligibility';
import { fileRef } from '../files';

/** A récépissé as typed or scanned: spaces, dots and dashes stripped, 13 digits checked. */
export const recepisseInput = z
  .string()
  // Bounded before anything else: the message below quotes what was typed.
  .max(40, 'Récépissé trop long : 13 chiffres attendus.')
  .transform((value, ctx) => {
    const checked = normalizeRecepisse(value);
    if (!checked.ok) {
      ctx.addIssue({ code: 'custom', message: checked.message });
      return z.NEVER;
    }
    return checked.recepisse;
  });

export const IMPORT_MODES = ['full', 'delta'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const IMPORT_MODE_LABELS: Record<ImportMode, string> = {
  full: 'Complet (les personnes absentes du fichier sont radiées)',
  delta: 'Mise à jour (ajouts et modifications seulement)',
};

export type ImportStatus = 'running' | 'done' | 'refused' | 'cancelled' | 'interrupted' | 'failed' | 'dry_run';
export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  dry_run: 'Essai à blanc (rien modifié)',
  running: 'En cours',
  done: 'Terminé',
  refused: 'Refusé',
  cancelled: 'Annulé',
  interrupted: 'Interrompu',
  failed: 'Échec',
};

/** valid: checked against the ANAM key; unsigned: no key set and no signature; unverified: signed but no key set. */
export type SignatureStatus = 'valid' | 'invalid' | 'missing' | 'unsigned' | 'unverified';
export const SIGNATURE_LABELS: Record<SignatureStatus, string> = {
  valid: 'Signature ANAM valide',
  invalid: 'Signature invalide',
  missing: 'Signature absente',
  unsigned: 'Non signé (aucune clé configurée)',
  unverified: 'Signé, non vérifié (aucune clé configurée)',
};

export interface Rejection {
  line: number;
  reason: string;
}

export interface ImportResult {
  importId: number;
  inserted: number;
  updated: number;
  unchanged: number;
  struckOff: number;
  /** The first rejected rows (all of them up to REJECTIONS_RETURNED); `rejectedCount` says how many in all. */
  rejected: Rejection[];
  rejectedCount: number;
  /** File-level remarks that did not stop the import (unknown columns ignored…). */
  warnings: string[];
  signature: SignatureStatus;
  /** True when this call continued an import that had stopped (crash, cancel). */
  resumed: boolean;
  /** A dry run: the counts say what the import would change; nothing was changed. */
  dryRun: boolean;
  /** What the file's declaration line says (null: no declaration). */
  extractDate: string | null;
  sequence: number | null;
}

export const REJECTIONS_RETURNED = 1000;

export interface ImportSummary {
  id: number;
  fileName: string;
  sha256: string;
  mode: ImportMode;
  strict: boolean;
  signature: SignatureStatus;
  status: ImportStatus;
  message: string | null;
  startedAt: string;
  finishedAt: string | null;
  byLogin: string;
  /** Data rows in the file, once it has been read through. */
  rowsTotal: number | null;
  rowsDone: number;
  inserted: number;
  updated: number;
  unchanged: number;
  struckOff: number;
  rejected: number;
  extractDate: string | null;
  sequence: number | null;
}

export interface RegistryOverview {
  persons: number;
  /** When the last completed import finished, null if none. */
  lastImportAt: string | null;
  /** Whole days since then (null: never imported). */
  lastImportAgeDays: number | null;
  freshnessDays: number;
  /** Older than the configured freshness, or never imported: the desk's answers may be out of date. */
  stale: boolean;
  imports: ImportSummary[];
}

export interface CheckResult extends Eligibility {
  date: string;
  person: PersonView | null;
  holder: PersonView | null;
}

export interface PersonMatch extends PersonView {
  eligibility: Eligibility;
}

export interface HouseholdMember {
  person: PersonView;
  eligibility: Eligibility;
}

export interface Household {
  date: string;
  /** The titulaire (or the admis de droit alone); null when the holder is not in the registry. */
  holder: HouseholdMember | null;
  holderRecepisse: string;
  spouses: HouseholdMember[];
  children: HouseholdMember[];
}

export interface PersonVersion {
  /** The import that replaced this version. */
  importId: number;
  fileName: string | null;
  replacedAt: string;
  changed: string[];
  previous: Partial<PersonView>;
}

const LOOKUP_ROLES = ['accueil', 'gestionnaire', 'admin'] as const;

export const registryApi = {
  'registry.check': defineMethod({
    input: z.strictObject({ recepisse: recepisseInput, date: isoDate.optional() }),
    output: returns<CheckResult>(),
    access: LOOKUP_ROLES,
    kind: 'query',
  }),
  'registry.search': defineMethod({
    input: z.strictObject({
      text: z.string().trim().min(2, 'Tapez au moins 2 lettres du nom').max(100, 'Recherche trop longue'),
      limit: z
        .number({ message: 'Nombre entier attendu' })
        .int()
        .min(1, 'Au moins 1 résultat')
        .max(100, 'Au plus 100 résultats')
        .default(20),
      date: isoDate.optional(),
    }),
    output: returns<PersonMatch[]>(),
    access: LOOKUP_ROLES,
    kind: 'query',
  }),
  'registry.byNina': defineMethod({
    input: z.strictObject({ nina: z.string().trim().min(3, 'NINA trop court').max(40, 'NINA trop long'), date: isoDate.optional() }),
    output: returns<PersonMatch[]>(),
    access: LOOKUP_ROLES,
    kind: 'query',
  }),
  'registry.household': defineMethod({
    input: z.strictObject({ recepisse: recepisseInput, date: isoDate.optional() }),
    output: returns<Household>(),
    access: LOOKUP_ROLES,
    kind: 'query',
  }),
  'registry.history': defineMethod({
    input: z.strictObject({ recepisse: recepisseInput }),
    output: returns<PersonVersion[]>(),
    access: LOOKUP_ROLES,
    kind: 'query',
  }),
  'registry.import': defineMethod({
    input: z.strictObject({
      file: fileRef,
      /** The detached signature, when it is not beside the file as FILE.sig. */
      signature: fileRef.optional(),
      mode: z.enum(IMPORT_MODES, { message: 'Mode attendu : full ou delta' }).default('delta'),
      strict: z.boolean().default(false),
      /** Counts what the import would change, and changes nothing. */
      dryRun: z.boolean().default(false),
      /** The administrator confirms a file that skips numbers in the ANAM's series. */
      acceptGap: z.boolean().default(false),
      /** The administrator confirms a full import that strikes off more than registry.maxStrikeOffPercent. */
      force: z.boolean().default(false),
      jobId,
    }),
    output: returns<ImportResult>(),
    access: ['admin'],
    kind: 'command',
    entity: 'registry_import',
    ownTransactions: true,
  }),
  'registry.imports': defineMethod({
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(100) }),
    output: returns<RegistryOverview>(),
    access: ['admin', 'gestionnaire'],
    kind: 'query',
  }),
  'registry.rejections': defineMethod({
    input: z.strictObject({
      importId: z.number().int().positive(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(5000).default(100),
    }),
    output: returns<{ total: number; rows: Rejection[] }>(),
    access: ['admin', 'gestionnaire'],
    kind: 'query',
  }),
};
