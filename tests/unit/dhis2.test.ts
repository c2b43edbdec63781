import { describe, expect, it } from 'vitest';
import { buildDataValueSet } from '../../shared/rules/dhis2/build';
import { dhis2DataValueSet } from '../../shared/rules/dhis2/data-value-set';
import { readImportSummary } from '../../shared/rules/dhis2/import-summary';
import { DEFAULT_DHIS2_MAPPING, dhis2MappingSchema, parseDhis2Mapping, targetOf } from '../../shared/rules/dhis2/mapping';
import { ageBand, patientGroups } from '../../shared/rules/dhis2/patient-groups';

describe('age bands', () => {
  it.each([
    [0, '0-4'],
    [4, '0-4'],
    [5, '5-14'],
    [14, '5-14'],
    [15, '15-59'],
    [59, '15-59'],
    [60, '60+'],
    [97, '60+'],
  ])('%i ans → %s', (age, band) => expect(ageBand(age)).toBe(band));

  it('takes each patient’s age on their first visit of the month: a birthday that day counts, 29 February included', () => {
    const groups = patientGroups([
      { sex: 'F', birthDate: '2021-07-15', quality: 'enfant', firstDay: '2026-07-14' }, // 4 the day before her 5th birthday
      { sex: 'F', birthDate: '2021-07-15', quality: 'enfant', firstDay: '2026-07-15' }, // 5 on the day
      { sex: 'M', birthDate: '1966-02-28', quality: 'titulaire', firstDay: '2026-02-28' }, // 60 on the day
      { sex: 'M', birthDate: '2012-02-29', quality: 'enfant', firstDay: '2027-02-28' }, // 14 until 1 March in a common year
      { sex: 'M', birthDate: '2027-01-01', quality: 'admis_de_droit', firstDay: '2026-12-31' }, // birth date after the visit: a newborn
    ]);
    expect(groups.bySexAndAge).toEqual({
      'M.0-4': 1,
      'M.5-14': 1,
      'M.15-59': 0,
      'M.60+': 1,
      'F.0-4': 1,
      'F.5-14': 1,
      'F.15-59': 0,
      'F.60+': 0,
    });
    expect(groups.byQuality).toEqual({ titulaire: 1, conjoint: 0, enfant: 3, admis_de_droit: 1 });
  });
});

describe('mapping', () => {
  it('the default mapping passes its own schema', () => {
    expect(dhis2MappingSchema.safeParse(DEFAULT_DHIS2_MAPPING).success).toBe(true);
    expect(parseDhis2Mapping('')).toEqual({ ok: true, mapping: DEFAULT_DHIS2_MAPPING });
  });

  it.each([
    ['{', 'JSON illisible'],
    ['[]', 'Correspondance DHIS2 invalide'],
    ['{"values": {"patients.total": {"dataElement": "X"}}}', 'Indicateur inconnu : « patients.total »'],
    ['{"values": {"patients.new": {"dataElement": ""}}}', 'Code DHIS2 vide'],
    ['{"values": {"patients.new": {"dataElement": "É"}}}', 'lettres sans accent'],
    ['{"values": {"patients.new": {"dataElement": "X"}, "episodes.emergencies": {"dataElement": "X"}}}', 'même case DHIS2 (X/default)'],
    ['{"values": {"patients.new": {"dataElement": "X", "coc": "Y"}}}', 'Correspondance DHIS2 invalide'],
  ])('refuses %s in French', (text, message) => {
    const parsed = parseDhis2Mapping(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });

  it('an exact key wins over its family; a family fills {code}; an unmapped key goes nowhere', () => {
    const mapping = {
      values: {
        'desk.refusals.*': { dataElement: 'REFUS', categoryOptionCombo: 'MOTIF_{code}' },
        'desk.refusals.EXPIRED': { dataElement: 'REFUS', categoryOptionCombo: 'PERIME' },
        'patients.new': { dataElement: 'NOUVEAUX' },
      },
    };
    expect(targetOf(mapping, 'desk.refusals.NOT_FOUND')).toEqual({ dataElement: 'REFUS', categoryOptionCombo: 'MOTIF_NOT_FOUND' });
    expect(targetOf(mapping, 'desk.refusals.EXPIRED')).toEqual({ dataElement: 'REFUS', categoryOptionCombo: 'PERIME' });
    expect(targetOf(mapping, 'patients.new')).toEqual({ dataElement: 'NOUVEAUX' });
    expect(targetOf(mapping, 'stock.daysOut.SRO')).toBeNull();
    expect(targetOf(DEFAULT_DHIS2_MAPPING, 'stock.daysOut.SRO')).toEqual({
      dataElement: 'RAMED_JOURS_RUPTURE',
      categoryOptionCombo: 'TRACEUR_SRO',
    });
    expect(targetOf(DEFAULT_DHIS2_MAPPING, 'stock.daysOut.PARA500C')).toBeNull();
  });
});

describe('dataValueSet', () => {
  const mapping = {
    dataSet: 'DS',
    values: { 'patients.new': { dataElement: 'NEW' }, 'episodes.type.urgence': { dataElement: 'EP', categoryOptionCombo: 'URG' } },
  };

  it('sends mapped non-zero figures as strings, counts zeros, lists what the mapping leaves out', () => {
    const built = buildDataValueSet({
      month: '2026-02',
      orgUnit: 'CSCOM-01',
      mapping,
      indicators: [
        { key: 'patients.new', label: 'Nouveaux', value: 12 },
        { key: 'episodes.type.urgence', label: 'Urgences', value: 0 },
        { key: 'medicines.amount', label: 'Médicaments', value: 12500 },
      ],
    });
    expect(built.dataValueSet).toEqual({
      dataSet: 'DS',
      period: '202602',
      orgUnit: 'CSCOM-01',
      idScheme: 'CODE',
      dataValues: [{ dataElement: 'NEW', value: '12' }],
    });
    expect(dhis2DataValueSet.safeParse(built.dataValueSet).success).toBe(true);
    expect(built.zeros).toBe(1);
    expect(built.unmapped.map((u) => u.key)).toEqual(['medicines.amount']);
  });

  it.each([
    [{ period: '2026-02', orgUnit: 'X', dataValues: [] }, 'period'],
    [{ period: '202613', orgUnit: 'X', dataValues: [] }, 'period'],
    [{ period: '202602', dataValues: [] }, 'orgUnit'],
    [{ period: '202602', orgUnit: 'X', dataValues: [{ dataElement: 'A', value: 3 }] }, 'value'],
    [{ period: '202602', orgUnit: 'X', dataValues: [{ dataElement: 'A', value: '3', extra: 1 }] }, 'extra'],
    [{ period: '202602', orgUnit: 'X', idScheme: 'code', dataValues: [] }, 'idScheme'],
  ])('the schema refuses what DHIS2 would not read (%j)', (set, where) => {
    const parsed = dhis2DataValueSet.safeParse(set);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error!.issues)).toContain(where);
  });
});

describe('import summary', () => {
  const summary = (status: string, conflicts: unknown[] = []) => ({
    responseType: 'ImportSummary',
    status,
    description: 'Import process completed successfully',
    importCount: { imported: 3, updated: 1, ignored: conflicts.length, deleted: 0 },
    conflicts,
    dataSetComplete: 'false',
  });
  const conflict = {
    object: 'MOTIF_X',
    objects: { categoryOptionCombo: 'MOTIF_X' },
    value: 'Category option combo not found or not accessible: `MOTIF_X`',
    errorCode: 'E7611',
    property: 'categoryOptionCombo',
    indexes: [4],
  };

  it('reads the WebMessage of DHIS2 2.38+ and the bare summary of older versions alike', () => {
    const wrapped = {
      httpStatus: 'Conflict',
      httpStatusCode: 409,
      status: 'WARNING',
      message: 'One more conflicts encountered, please check import summary.',
      response: summary('WARNING', [conflict]),
    };
    const expected = {
      status: 'WARNING',
      description: 'Import process completed successfully',
      imported: 3,
      updated: 1,
      ignored: 1,
      deleted: 0,
      conflicts: [{ object: 'MOTIF_X', value: 'Category option combo not found or not accessible: `MOTIF_X`', errorCode: 'E7611' }],
    };
    expect(readImportSummary(wrapped)).toEqual(expected);
    expect(readImportSummary(summary('WARNING', [conflict]))).toEqual(expected);
    expect(readImportSummary({ ...summary('SUCCESS'), conflicts: undefined })).toMatchObject({ status: 'SUCCESS', conflicts: [] });
  });

  it.each([
    [null],
    ['<html>login</html>'],
    [{ status: 'OK' }],
    [{ httpStatusCode: 401, status: 'ERROR', message: 'Unauthorized' }],
    [summary('DONE')],
  ])('finds no summary in %j', (body) => expect(readImportSummary(body)).toBeNull());
});
