import { dhis2Period, type Dhis2DataValueSet } from './data-value-set';
import type { Indicator } from './indicators';
import { targetOf, type Dhis2Mapping } from './mapping';

export interface Dhis2Build {
  dataValueSet: Dhis2DataValueSet;
  /** The figures sent, each with where it went (what the screen and the docs show). */
  sent: Array<Indicator & { dataElement: string; categoryOptionCombo: string | null }>;
  /** Figures at zero, not sent: DHIS2 stores no zero for a data element whose zeros are not significant. */
  zeros: number;
  /** Non-zero figures the mapping leaves out (a medicine not traced, a reason not mapped). */
  unmapped: Indicator[];
}

/**
 * The month's dataValueSet: period `AAAAMM`, the facility's org unit, every mapped non-zero figure
 * as a string, identifiers by code (`idScheme: CODE`, so the same file imports by hand or by the
 * Web API). Pure.
 */
export function buildDataValueSet(input: {
  month: string;
  orgUnit: string;
  mapping: Dhis2Mapping;
  indicators: readonly Indicator[];
}): Dhis2Build {
  const sent: Dhis2Build['sent'] = [];
  const unmapped: Indicator[] = [];
  let zeros = 0;
  for (const indicator of input.indicators) {
    if (indicator.value === 0) {
      zeros += 1;
      continue;
    }
    const target = targetOf(input.mapping, indicator.key);
    if (!target) unmapped.push(indicator);
    else sent.push({ ...indicator, dataElement: target.dataElement, categoryOptionCombo: target.categoryOptionCombo ?? null });
  }
  return {
    dataValueSet: {
      ...(input.mapping.dataSet && { dataSet: input.mapping.dataSet }),
      period: dhis2Period(input.month),
      orgUnit: input.orgUnit,
      idScheme: 'CODE',
      dataValues: sent.map((s) => ({
        dataElement: s.dataElement,
        ...(s.categoryOptionCombo !== null && { categoryOptionCombo: s.categoryOptionCombo }),
        value: String(s.value),
      })),
    },
    sent,
    zeros,
    unmapped,
  };
}
