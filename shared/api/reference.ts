import { z } from 'zod';
import { defineMethod, returns } from '../contract';
import { isoDate } from '../dates';
import { FACILITY_LEVELS } from '../domain/facility';
import type { MedicineEntry, ReferenceImportReport, TariffEntry } from '../domain/reference';
import { fileRef } from '../files';
import type { PlausibilityRule } from '../claim-plausibility';

export const referenceApi = {
  /** Imports a tariff list (CSV, README "Liste des tarifs"); a file with a bad line changes nothing. */
  'tariffs.import': defineMethod({
    input: z.strictObject({ file: fileRef }),
    output: returns<ReferenceImportReport>(),
    access: ['admin'],
    kind: 'command',
    entity: 'tariff',
  }),
  /** The acts in force on a date (default today), at one facility level or all. */
  'tariffs.list': defineMethod({
    input: z.strictObject({
      date: isoDate.optional(),
      level: z.enum(FACILITY_LEVELS, { message: 'Niveau attendu : cscom, csref ou hopital' }).optional(),
    }),
    output: returns<TariffEntry[]>(),
    access: 'any',
    kind: 'query',
  }),
  'medicines.import': defineMethod({
    input: z.strictObject({ file: fileRef }),
    output: returns<ReferenceImportReport>(),
    access: ['admin'],
    kind: 'command',
    entity: 'medicine',
  }),
  /** Imports the plausibility rules (CSV, docs/claim-controls.md); a file with a bad line changes nothing. */
  'controls.import': defineMethod({
    input: z.strictObject({ file: fileRef }),
    output: returns<ReferenceImportReport>(),
    access: ['admin'],
    kind: 'command',
    entity: 'plausibility_rule',
  }),
  /** The plausibility rules in force on a date (default today). */
  'controls.list': defineMethod({
    input: z.strictObject({ date: isoDate.optional() }),
    output: returns<PlausibilityRule[]>(),
    access: ['admin', 'gestionnaire'],
    kind: 'query',
  }),
  'medicines.list': defineMethod({
    input: z.strictObject({ date: isoDate.optional() }),
    output: returns<MedicineEntry[]>(),
    access: 'any',
    kind: 'query',
  }),
};
