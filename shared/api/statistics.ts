import { z } from 'zod';
import { defineMethod, returns } from '../contract/contract';
import type { Dhis2Preview, Dhis2Send } from '../domain/dhis2';
import type { StatisticsReport } from '../domain/statistics';
import type { GeneratedFile } from '../contract/files';
import { isoMonth } from '../lib/months';
import type { Role } from '../domain/roles';

const MANAGER: readonly Role[] = ['gestionnaire'];
/** DHIS2 reporting: the manager, or the administrator who sets the link up. */
const MANAGERS: readonly Role[] = ['gestionnaire', 'admin'];

export const statisticsYear = z
  .number({ message: 'Année attendue (ex. 2026)' })
  .int('Année attendue (ex. 2026)')
  .min(2000, 'Année entre 2000 et 2100')
  .max(2100, 'Année entre 2000 et 2100');

export const statisticsApi = {
  /** The month's dashboard: patients, episodes, care, medicines, claims, stock-outs, desk checks. */
  'statistics.month': defineMethod({
    input: () => z.strictObject({ month: isoMonth }),
    output: returns<StatisticsReport>(),
    access: MANAGER,
    kind: 'query',
  }),
  /** The same for a calendar year, with its months side by side. */
  'statistics.year': defineMethod({
    input: () => z.strictObject({ year: statisticsYear }),
    output: returns<StatisticsReport>(),
    access: MANAGER,
    kind: 'query',
  }),
  /** The one-page monthly report for the district (PDF, A4 portrait). */
  'statistics.monthlyReport': defineMethod({
    input: () => z.strictObject({ month: isoMonth }),
    output: returns<GeneratedFile>(),
    access: MANAGER,
    kind: 'query',
  }),

  /** The month's dataValueSet for the district's DHIS2: the figures sent, those left out, and the JSON file. */
  'statistics.snisPreview': defineMethod({
    input: () => z.strictObject({ month: isoMonth }),
    output: returns<Dhis2Preview>(),
    access: MANAGERS,
    kind: 'query',
  }),
  /** Posts it to the configured DHIS2 (`dryRun`: DHIS2 checks without saving) and records the import summary. */
  'statistics.snisSend': defineMethod({
    input: () => z.strictObject({ month: isoMonth, dryRun: z.boolean({ message: 'Vrai ou faux attendu' }).default(false) }),
    output: returns<Dhis2Send>(),
    access: MANAGERS,
    kind: 'command',
    entity: 'dhis2',
    ownTransactions: true,
  }),
  /** The sends recorded, newest first. */
  'statistics.snisSends': defineMethod({
    input: () => z.strictObject({ month: isoMonth.optional() }),
    output: returns<Dhis2Send[]>(),
    access: MANAGERS,
    kind: 'query',
  }),
};
