import { z } from 'zod';
import { defineMethod, returns } from '../contract';
import type { StatisticsReport } from '../domain/statistics';
import type { GeneratedFile } from '../files';
import { isoMonth } from '../months';
import type { Role } from '../roles';

const MANAGER: readonly Role[] = ['gestionnaire'];

export const statisticsYear = z
  .number({ message: 'Année attendue (ex. 2026)' })
  .int('Année attendue (ex. 2026)')
  .min(2000, 'Année entre 2000 et 2100')
  .max(2100, 'Année entre 2000 et 2100');

export const statisticsApi = {
  /** The month's dashboard: patients, episodes, care, medicines, claims, stock-outs, desk checks. */
  'statistics.month': defineMethod({
    input: z.strictObject({ month: isoMonth }),
    output: returns<StatisticsReport>(),
    access: MANAGER,
    kind: 'query',
  }),
  /** The same for a calendar year, with its months side by side. */
  'statistics.year': defineMethod({
    input: z.strictObject({ year: statisticsYear }),
    output: returns<StatisticsReport>(),
    access: MANAGER,
    kind: 'query',
  }),
  /** The one-page monthly report for the district (PDF, A4 portrait). */
  'statistics.monthlyReport': defineMethod({
    input: z.strictObject({ month: isoMonth }),
    output: returns<GeneratedFile>(),
    access: MANAGER,
    kind: 'query',
  }),
};
