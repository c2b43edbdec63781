import { z } from 'zod';
import { isIsoDate } from '../lib/dates';

export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AUDIT_OUTCOME_LABELS: Record<AuditOutcome, string> = {
  ok: 'Effectuée',
  denied: 'Refusée (droits)',
  failed: 'Échouée',
};

/** One row of the audit trail as the screen shows it (the summary parsed back from its JSON). */
export interface AuditRow {
  seq: number;
  at: string;
  actorLogin: string;
  method: string;
  entity: string | null;
  entityId: string | null;
  outcome: AuditOutcome;
  summary: Record<string, unknown>;
  hash: string;
  prevHash: string;
}

export interface AuditPage {
  total: number;
  rows: AuditRow[];
}

export const AUDIT_MAX_PAGE_SIZE = 200;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ')
  .refine(isIsoDate, 'Cette date n’existe pas');

/** What an audit search narrows on: shared by the paged list and the CSV export. */
const auditCriteria = {
  /** Who acted: a user's login, or `cli:<compte système>` for the command line. */
  login: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._:@-]{1,64}$/, 'Identifiant invalide')
    .optional(),
  entity: z
    .string()
    .regex(/^[a-z_]{1,40}$/, 'Objet inconnu')
    .optional(),
  entityId: z
    .string()
    .trim()
    .regex(/^[\p{L}\p{N}._:@-]{1,100}$/u, 'Référence invalide (lettres, chiffres, . _ : @ -)')
    .optional(),
  method: z
    .string()
    .regex(/^[a-z]+\.[a-zA-Z]{1,60}$/, 'Opération inconnue')
    .optional(),
  outcome: z.enum(AUDIT_OUTCOMES, { message: 'Résultat attendu : ok, denied ou failed' }).optional(),
  from: day.optional(),
  to: day.optional(),
};
const periodInOrder = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;
const periodError = { message: 'La date de fin précède la date de début', path: ['to'] };

export const auditFilter = z
  .strictObject({
    page: z.number().int('Numéro de page entier attendu').min(0, 'Numéro de page négatif').max(10_000_000).default(0),
    pageSize: z
      .number()
      .int('Nombre entier attendu')
      .min(1, 'Au moins 1 ligne par page')
      .max(AUDIT_MAX_PAGE_SIZE, `Au plus ${AUDIT_MAX_PAGE_SIZE} lignes par page`)
      .default(50),
    ...auditCriteria,
  })
  .refine(periodInOrder, periodError);
export type AuditFilter = z.output<typeof auditFilter>;

/** The rows an export may hold: beyond, the user narrows the period (the file is built in memory). */
export const AUDIT_EXPORT_MAX_ROWS = 200_000;
export const auditExportFilter = z.strictObject(auditCriteria).refine(periodInOrder, periodError);
export type AuditExportFilter = z.output<typeof auditExportFilter>;

export type AuditVerifyResult = { ok: true; rows: number } | { ok: false; rows: number; brokenSeq: number; reason: string };
