import { z } from 'zod';

/**
 * DHIS2's aggregate `dataValueSet` as its Web API reads it (POST /api/dataValueSets, JSON), written
 * from DHIS2's documentation and its `DataValueSet`/`DataValue` classes: what the export must be for
 * an import to accept it. Strict: a field DHIS2 does not know fails the check.
 */

/** A monthly period in DHIS2's ISO form: `AAAAMM` (e.g. 202607). */
export const dhis2MonthPeriod = z.string().regex(/^\d{4}(0[1-9]|1[0-2])$/, 'Période DHIS2 mensuelle attendue : AAAAMM');

/** How identifiers are matched on import; `CODE` is what this app sends. */
export const DHIS2_ID_SCHEMES = ['UID', 'CODE', 'NAME', 'ID'] as const;

/** A DHIS2 code: at most 50 characters (the `code` column of DHIS2's metadata). */
const identifier = z.string().min(1).max(50);

export const dhis2DataValue = z.strictObject({
  dataElement: identifier,
  /** Absent: DHIS2's default category option combo. */
  categoryOptionCombo: identifier.optional(),
  attributeOptionCombo: identifier.optional(),
  period: dhis2MonthPeriod.optional(),
  orgUnit: identifier.optional(),
  /** Always a string on the wire, even for numbers. */
  value: z.string().max(50000),
  storedBy: z.string().max(255).optional(),
  comment: z.string().max(50000).optional(),
  followup: z.boolean().optional(),
  deleted: z.boolean().optional(),
});

export const dhis2DataValueSet = z.strictObject({
  dataSet: identifier.optional(),
  completeDate: z.iso.date().optional(),
  period: dhis2MonthPeriod,
  orgUnit: identifier,
  attributeOptionCombo: identifier.optional(),
  idScheme: z.enum(DHIS2_ID_SCHEMES).optional(),
  dataElementIdScheme: z.enum(DHIS2_ID_SCHEMES).optional(),
  orgUnitIdScheme: z.enum(DHIS2_ID_SCHEMES).optional(),
  categoryOptionComboIdScheme: z.enum(DHIS2_ID_SCHEMES).optional(),
  dataSetIdScheme: z.enum(DHIS2_ID_SCHEMES).optional(),
  dataValues: z.array(dhis2DataValue),
});

export type Dhis2DataValue = z.output<typeof dhis2DataValue>;
export type Dhis2DataValueSet = z.output<typeof dhis2DataValueSet>;

/** `2026-07` → `202607`. */
export const dhis2Period = (month: string): string => month.replace('-', '');
