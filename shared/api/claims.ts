import { z } from 'zod';
import { defineMethod, jobId, returns } from '../contract';
import type { ClaimSummary, ClaimView } from '../domain/claims';
import type { GeneratedFile } from '../files';
import { isoMonth } from '../months';
import type { Role } from '../roles';

const MANAGER: readonly Role[] = ['gestionnaire'];
const reason = z.string().trim().min(3, 'Indiquez le motif (3 caractères au moins)').max(300, 'Motif : 300 caractères au plus');
const version = z.number({ message: 'Version attendue' }).int().positive().optional();

export const CLAIM_EXPORT_FORMATS = ['pdf', 'fhir', 'csv'] as const;
export type ClaimExportFormat = (typeof CLAIM_EXPORT_FORMATS)[number];

export const claimsApi = {
  'claims.list': defineMethod({
    input: z.strictObject({}),
    output: returns<ClaimSummary[]>(),
    access: MANAGER,
    kind: 'query',
  }),
  /** A version of the month's claim (the newest by default), with its flags, flagged lines first. */
  'claims.get': defineMethod({
    input: z.strictObject({ month: isoMonth, version }),
    output: returns<ClaimView>(),
    access: MANAGER,
    kind: 'query',
  }),
  /** Gathers the month's closed episodes into the draft, or a new version after a signed one. */
  'claims.build': defineMethod({
    input: z.strictObject({ month: isoMonth, jobId }),
    output: returns<ClaimSummary>(),
    access: MANAGER,
    kind: 'command',
    entity: 'claim',
    ownTransactions: true,
  }),
  /** Leaves a line (`lineKey`) or the whole episode out of the claim, with the reason. */
  'claims.exclude': defineMethod({
    input: z.strictObject({
      month: isoMonth,
      episodeId: z.number().int().positive(),
      lineKey: z
        .string()
        .regex(/^(prestation|dispensation):\d+$/, 'Ligne inconnue')
        .optional(),
      reason,
    }),
    output: returns<ClaimView>(),
    access: MANAGER,
    kind: 'command',
    entity: 'claim',
  }),
  'claims.cancelExclusion': defineMethod({
    input: z.strictObject({ month: isoMonth, exclusionId: z.number().int().positive(), reason }),
    output: returns<ClaimView>(),
    access: MANAGER,
    kind: 'command',
    entity: 'claim',
  }),
  /** Freezes the draft the manager read: `sha256` is the hash the sign-off dialog showed. */
  'claims.sign': defineMethod({
    input: z.strictObject({
      month: isoMonth,
      sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Empreinte SHA-256 attendue'),
    }),
    output: returns<ClaimSummary>(),
    access: MANAGER,
    kind: 'command',
    entity: 'claim',
  }),
  /** The bordereau (PDF), the FHIR R4 Bundle or the CSV of a signed version. */
  'claims.export': defineMethod({
    input: z.strictObject({
      month: isoMonth,
      version,
      format: z.enum(CLAIM_EXPORT_FORMATS, { message: 'Format attendu : pdf, fhir ou csv' }),
    }),
    output: returns<GeneratedFile>(),
    access: MANAGER,
    kind: 'query',
  }),
};
