import { z } from 'zod';
import { defineMethod, returns } from '../contract/contract';
import { isoDate } from '../lib/dates';
import { FACILITY_LEVELS } from '../domain/facility';
import type { MedicineEntry, ReferenceImportEntry, ReferenceImportReport, TariffEntry } from '../domain/reference';
import { fileRef } from '../contract/files';
import type { PlausibilityRule } from '../rules/claim-plausibility';

/** A list file, and its detached ANAM signature when it is not beside the file as FILE.sig. */
const listFile = z.strictObject({ file: fileRef, signature: fileRef.optional() });

export const referenceApi = {
  /** Imports a tariff list (CSV, README "Liste des tarifs"); a file with a bad line changes nothing. */
  'tariffs.import': defineMethod({
    input: () => listFile,
    output: returns<ReferenceImportReport>(),
    access: ['admin'],
    kind: 'command',
    entity: 'tariff',
  }),
  /** The acts in force on a date (default today), at one facility level or all. */
  'tariffs.list': defineMethod({
    input: () =>
      z.strictObject({
        date: isoDate.optional(),
        level: z.enum(FACILITY_LEVELS, { message: 'Niveau attendu : cscom, csref ou hopital' }).optional(),
      }),
    output: returns<TariffEntry[]>(),
    access: 'any',
    kind: 'query',
  }),
  'medicines.import': defineMethod({
    input: () => listFile,
    output: returns<ReferenceImportReport>(),
    access: ['admin'],
    kind: 'command',
    entity: 'medicine',
  }),
  /** Imports the plausibility rules (CSV, docs/claim-controls.md); a file with a bad line changes nothing. */
  'controls.import': defineMethod({
    input: () => listFile,
    output: returns<ReferenceImportReport>(),
    access: ['admin'],
    kind: 'command',
    entity: 'plausibility_rule',
  }),
  /** The plausibility rules in force on a date (default today). */
  'controls.list': defineMethod({
    input: () => z.strictObject({ date: isoDate.optional() }),
    output: returns<PlausibilityRule[]>(),
    access: ['admin', 'gestionnaire'],
    kind: 'query',
  }),
  /** The latest imports of the reference lists, with what their signature check found. */
  'reference.imports': defineMethod({
    input: () => z.strictObject({ limit: z.number().int().min(1).max(200).default(50) }),
    output: returns<ReferenceImportEntry[]>(),
    access: ['admin', 'gestionnaire'],
    kind: 'query',
  }),
  'medicines.list': defineMethod({
    input: () => z.strictObject({ date: isoDate.optional() }),
    output: returns<MedicineEntry[]>(),
    access: 'any',
    kind: 'query',
  }),
};
