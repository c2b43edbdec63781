import { z } from 'zod';
import { defineMethod, jobId, returns } from '../contract/contract';
import { isoDate } from '../lib/dates';
import { normalizeRecepisse } from '../domain/registry';
import { fileRef } from '../contract/files';
import { IMPORT_MODES, type Rejection, type ImportResult, type RegistryOverview } from '../domain/registry-import';
import type { CheckResult, PersonMatch, Household, PersonVersion } from '../domain/registry-lookup';

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

const LOOKUP_ROLES = ['accueil', 'gestionnaire', 'admin'] as const;

export const registryApi = {
  'registry.check': defineMethod({
    input: () => z.strictObject({ recepisse: recepisseInput, date: isoDate.optional() }),
    output: returns<CheckResult>(),
    access: LOOKUP_ROLES,
    kind: 'query',
  }),
  'registry.search': defineMethod({
    input: () =>
      z.strictObject({
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
    input: () => z.strictObject({ nina: z.string().trim().min(3, 'NINA trop court').max(40, 'NINA trop long'), date: isoDate.optional() }),
    output: returns<PersonMatch[]>(),
    access: LOOKUP_ROLES,
    kind: 'query',
  }),
  'registry.household': defineMethod({
    input: () => z.strictObject({ recepisse: recepisseInput, date: isoDate.optional() }),
    output: returns<Household>(),
    access: LOOKUP_ROLES,
    kind: 'query',
  }),
  'registry.history': defineMethod({
    input: () => z.strictObject({ recepisse: recepisseInput }),
    output: returns<PersonVersion[]>(),
    access: LOOKUP_ROLES,
    kind: 'query',
  }),
  'registry.import': defineMethod({
    input: () =>
      z.strictObject({
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
    input: () => z.strictObject({ limit: z.number().int().min(1).max(500).default(100) }),
    output: returns<RegistryOverview>(),
    access: ['admin', 'gestionnaire'],
    kind: 'query',
  }),
  'registry.rejections': defineMethod({
    input: () =>
      z.strictObject({
        importId: z.number().int().positive(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(5000).default(100),
      }),
    output: returns<{ total: number; rows: Rejection[] }>(),
    access: ['admin', 'gestionnaire'],
    kind: 'query',
  }),
};
