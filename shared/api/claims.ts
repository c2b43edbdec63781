import { z } from 'zod';
import { defineMethod, jobId, returns } from '../contract/contract';
import type { ClaimFollowUpView, ClaimListRow, ResponseImportReport, ResubmissionPreview } from '../domain/claim-responses';
import type { ClaimSummary, ClaimView } from '../domain/claims';
import { fileRef, type GeneratedFile } from '../contract/files';
import { isoMonth } from '../lib/months';
import type { Role } from '../domain/roles';

const MANAGER: readonly Role[] = ['gestionnaire'];
const reason = z.string().trim().min(3, 'Indiquez le motif (3 caractères au moins)').max(300, 'Motif : 300 caractères au plus');
const requiredVersion = z.number({ message: 'Version attendue' }).int().positive().max(9999);
const version = requiredVersion.optional();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'Empreinte SHA-256 attendue');

export const CLAIM_EXPORT_FORMATS = ['pdf', 'fhir', 'csv'] as const;
export type ClaimExportFormat = (typeof CLAIM_EXPORT_FORMATS)[number];

export const claimsApi = {
  /** Every version, with what was sent, accepted, paid and is still owed (drafts: `followUp` null). */
  'claims.list': defineMethod({
    input: () => z.strictObject({}),
    output: returns<ClaimListRow[]>(),
    access: MANAGER,
    kind: 'query',
  }),
  /** A version of the month's claim (the newest by default), with its flags, flagged lines first. */
  'claims.get': defineMethod({
    input: () => z.strictObject({ month: isoMonth, version }),
    output: returns<ClaimView>(),
    access: MANAGER,
    kind: 'query',
  }),
  /**
   * Gathers the month's closed episodes into the draft, or a new version after a signed one. Only
   * once the month has ended; on its last day with `earlyReason`.
   */
  'claims.build': defineMethod({
    input: () => z.strictObject({ month: isoMonth, jobId, earlyReason: reason.optional() }),
    output: returns<ClaimSummary>(),
    access: MANAGER,
    kind: 'command',
    entity: 'claim',
    ownTransactions: true,
  }),
  /** Leaves a line (`lineKey`) or the whole episode out of the claim, with the reason. */
  'claims.exclude': defineMethod({
    input: () =>
      z.strictObject({
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
    input: () => z.strictObject({ month: isoMonth, exclusionId: z.number().int().positive(), reason }),
    output: returns<ClaimView>(),
    access: MANAGER,
    kind: 'command',
    entity: 'claim',
  }),
  /** Freezes the draft the manager read: `sha256` is the hash the sign-off dialog showed. */
  'claims.sign': defineMethod({
    input: () => z.strictObject({ month: isoMonth, sha256 }),
    output: returns<ClaimSummary>(),
    access: MANAGER,
    kind: 'command',
    entity: 'claim',
  }),
  /** The bordereau (PDF), the FHIR R4 Bundle or the CSV of a signed version. */
  'claims.export': defineMethod({
    input: () =>
      z.strictObject({
        month: isoMonth,
        version,
        format: z.enum(CLAIM_EXPORT_FORMATS, { message: 'Format attendu : pdf, fhir ou csv' }),
      }),
    output: returns<GeneratedFile>(),
    access: MANAGER,
    kind: 'query',
  }),
  /** A signed version's follow-up: the ANAM's answer per line, the sending history, payments, resubmissions. */
  'claims.followUp': defineMethod({
    input: () => z.strictObject({ month: isoMonth, version: requiredVersion }),
    output: returns<ClaimFollowUpView>(),
    access: MANAGER,
    kind: 'query',
  }),
  /** A response file of the ANAM (ClaimResponse, or a Bundle of them): all applied, or nothing. */
  'claims.importResponse': defineMethod({
    input: () => z.strictObject({ file: fileRef }),
    output: returns<ResponseImportReport>(),
    access: MANAGER,
    kind: 'command',
    entity: 'claim_response',
  }),
  /** What a resubmission of a version's rejected lines would hold now (corrected lines only). */
  'claims.previewResubmission': defineMethod({
    input: () => z.strictObject({ month: isoMonth, version: requiredVersion }),
    output: returns<ResubmissionPreview>(),
    access: MANAGER,
    kind: 'query',
  }),
  /** Signs the resubmission the manager read (`sha256` from the preview) and queues it for the ANAM. */
  'claims.resubmit': defineMethod({
    input: () => z.strictObject({ month: isoMonth, version: requiredVersion, sha256 }),
    output: returns<ClaimSummary>(),
    access: MANAGER,
    kind: 'command',
    entity: 'claim',
  }),
};
