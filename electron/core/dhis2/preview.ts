import { buildDataValueSet, type Dhis2Build } from '../../../shared/rules/dhis2/build';
import { monthIndicators } from '../../../shared/rules/dhis2/indicators';
import { parseDhis2Mapping } from '../../../shared/rules/dhis2/mapping';
import { patientGroups } from '../../../shared/rules/dhis2/patient-groups';
import type { Dhis2Preview } from '../../../shared/domain/dhis2';
import { addDays, frenchDate } from '../../../shared/lib/dates';
import { periodBounds } from '../../../shared/rules/statistics/period';
import type { ServiceContext } from '../context';
import { DomainError } from '../errors';
import { getSettings } from '../settings/settings';
import { claimedByCategory } from '../statistics/claim-categories';
import { seenPatients } from '../statistics/patient-groups';
import { dayRange } from '../statistics/range';
import { statisticsReport } from '../statistics/report';

/**
 * The month's figures for the district's DHIS2: the statistics screen's report (the same query,
 * the same figures), its patients split by sex, age band and quality, through the mapping. Only a
 * finished month: DHIS2 keeps what it receives as the month's figures.
 */
export async function monthDataValueSet(ctx: ServiceContext, month: string): Promise<Dhis2Build & { label: string; orgUnit: string }> {
  const { db } = ctx;
  const report = await statisticsReport(ctx, { kind: 'month', month });
  if (report.running) {
    const message = `Le mois de ${report.label} n’est pas terminé : le DHIS2 reçoit les chiffres d’un mois complet (à partir du ${frenchDate(addDays(report.last, 1))}).`;
    throw new DomainError('REFUSED', message, { month: message });
  }
  const settings = await getSettings(db, ['dhis2.orgUnit', 'dhis2.mapping']);
  const orgUnit = settings['dhis2.orgUnit'] || report.facility?.code;
  if (!orgUnit) {
    throw new DomainError('REFUSED', 'Code DHIS2 de l’établissement inconnu : réglez dhis2.orgUnit ou l’identité de l’établissement.');
  }
  const mapping = parseDhis2Mapping(settings['dhis2.mapping']);
  if (!mapping.ok) throw new DomainError('REFUSED', `Paramètre dhis2.mapping : ${mapping.message}`);

  const bounds = periodBounds({ kind: 'month', month });
  const groups = patientGroups(await seenPatients(db, dayRange(bounds.first, bounds.last)));
  const counted = report.claims.months[0];
  const claimed = counted && counted.claimed !== null ? await claimedByCategory(db, month, counted.version) : null;
  const indicators = monthIndicators(report, groups, claimed);
  return { ...buildDataValueSet({ month, orgUnit, mapping: mapping.mapping, indicators }), label: report.label, orgUnit };
}

/** The same as the manager sees it before sending, with the JSON file to import by hand. */
export async function dhis2Preview(ctx: ServiceContext, { month }: { month: string }): Promise<Dhis2Preview> {
  const built = await monthDataValueSet(ctx, month);
  const { orgUnit } = built;
  const json = JSON.stringify(built.dataValueSet, null, 2);
  return {
    month,
    label: built.label,
    period: built.dataValueSet.period,
    orgUnit,
    dataSet: built.dataValueSet.dataSet ?? null,
    values: built.sent,
    zeros: built.zeros,
    unmapped: built.unmapped,
    file: {
      fileName: `dhis2-ramed-${orgUnit}-${built.dataValueSet.period}.json`,
      mimeType: 'application/json',
      base64: Buffer.from(json, 'utf8').toString('base64'),
    },
  };
}
