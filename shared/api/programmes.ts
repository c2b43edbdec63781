import { z } from 'zod';
import { defineMethod, returns } from '../contract/contract';
import { isoDate } from '../lib/dates';
import type { ReferenceImportReport } from '../domain/reference';
import type { ProgrammeMonthTotal } from '../domain/programmes';
import { fileRef, type GeneratedFile } from '../contract/files';
import { isoMonth } from '../lib/months';
import type { Programme } from '../rules/programmes';

export const PROGRAMME_STATEMENT_FORMATS = ['pdf', 'csv'] as const;

const programmeCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9._-]{0,19}$/, 'Code de programme invalide : 1 à 20 lettres sans accent, chiffres, point, tiret');

export const programmesApi = {
  /** Imports the free-care programmes list (CSV, docs/programmes.md); a file with a bad line changes nothing. */
  'programmes.import': defineMethod({
    input: () => z.strictObject({ file: fileRef, signature: fileRef.optional() }),
    output: returns<ReferenceImportReport>(),
    access: ['admin'],
    kind: 'command',
    entity: 'programme',
  }),
  /** The programmes in force on a date (default today), in the list's order: the desk's price preview uses them too. */
  'programmes.list': defineMethod({
    input: () => z.strictObject({ date: isoDate.optional() }),
    output: returns<Programme[]>(),
    access: 'any',
    kind: 'query',
  }),
  /** Each programme that pays lines on the month's closed episodes, with its totals. */
  'programmes.month': defineMethod({
    input: () => z.strictObject({ month: isoMonth }),
    output: returns<ProgrammeMonthTotal[]>(),
    access: ['gestionnaire'],
    kind: 'query',
  }),
  /** One programme's monthly statement, as a PDF or a CSV. */
  'programmes.statement': defineMethod({
    input: () =>
      z.strictObject({
        month: isoMonth,
        programme: programmeCode,
        format: z.enum(PROGRAMME_STATEMENT_FORMATS, { message: 'Format attendu : pdf ou csv' }),
      }),
    output: returns<GeneratedFile>(),
    access: ['gestionnaire'],
    kind: 'query',
  }),
};
