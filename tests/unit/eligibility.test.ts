import { describe, expect, it } from 'vitest';
import { REASON_CODES, WARNING_CODES, type ReasonCode, type WarningCode } from '../../shared/domain/registry';
import { ageOn, checkEligibility, type EligibilityInput, type EligibilityRecord } from '../../shared/rules/eligibility';

const titulaire: EligibilityRecord = {
  quality: 'titulaire',
  status: 'actif',
  birthDate: '1980-05-10',
  birthYearOnly: false,
  inSchool: false,
  disabled: false,
  validFrom: '2024-01-01',
  validTo: '2026-12-31',
};
const rec = (over: Partial<EligibilityRecord>): EligibilityRecord => ({ ...titulaire, ...over });
const conjoint = rec({ quality: 'conjoint', birthDate: '1985-03-02', validFrom: null, validTo: null });
const child = (birthDate: string, over: Partial<EligibilityRecord> = {}) =>
  rec({ quality: 'enfant', birthDate, validFrom: null, validTo: null, ...over });
const admis = rec({ quality: 'admis_de_droit', validFrom: '2025-01-01', validTo: '2027-12-31' });

interface Case {
  name: string;
  person: EligibilityRecord | null;
  holder?: EligibilityRecord | null;
  date: string;
  registryDate?: string | null;
  identityChecked?: boolean;
  reasons?: ReasonCode[];
  warnings?: WarningCode[];
  holderReasons?: ReasonCode[];
}

const CASES: Case[] = [
  // Rule 1: in the registry, active.
  { name: 'not in the registry', person: null, date: '2025-06-15', reasons: ['NOT_FOUND'] },
  { name: 'active titulaire within validity', person: titulaire, date: '2025-06-15' },
  { name: 'suspended titulaire', person: rec({ status: 'suspendu' }), date: '2025-06-15', reasons: ['SUSPENDED'] },
  { name: 'struck-off titulaire', person: rec({ status: 'radie' }), date: '2025-06-15', reasons: ['STRUCK_OFF'] },
  {
    name: 'suspended and expired: every reason',
    person: rec({ status: 'suspendu' }),
    date: '2027-03-01',
    reasons: ['SUSPENDED', 'EXPIRED'],
  },
  // Rule 2: validity, inclusive at both ends.
  { name: 'first day of validity', person: titulaire, date: '2024-01-01' },
  { name: 'the day before validity', person: titulaire, date: '2023-12-31', reasons: ['NOT_YET_VALID'] },
  { name: 'last day of validity (near expiry)', person: titulaire, date: '2026-12-31', warnings: ['NEAR_EXPIRY'] },
  { name: 'the day after validity', person: titulaire, date: '2027-01-01', reasons: ['EXPIRED'] },
  { name: 'validity ends in exactly 30 days', person: titulaire, date: '2026-12-01', warnings: ['NEAR_EXPIRY'] },
  { name: 'validity ends in 31 days', person: titulaire, date: '2026-11-30' },
  {
    name: 'titulaire without a validity period',
    person: rec({ validFrom: null, validTo: null }),
    date: '2025-06-15',
    reasons: ['NOT_YET_VALID'],
  },
  // Rule 4: admis de droit, on their own record, no household.
  { name: 'admis de droit within validity', person: admis, date: '2026-06-01' },
  { name: 'admis de droit before validity', person: admis, date: '2024-12-31', reasons: ['NOT_YET_VALID'] },
  { name: 'admis de droit after validity', person: admis, date: '2028-01-01', reasons: ['EXPIRED'] },
  {
    name: 'admis de droit without validity',
    person: rec({ ...admis, validFrom: null, validTo: null }),
    date: '2026-06-01',
    reasons: ['NOT_YET_VALID'],
  },
  { name: 'admis de droit ignores any holder', person: admis, holder: rec({ status: 'radie' }), date: '2026-06-01' },
  { name: 'suspended admis de droit', person: rec({ ...admis, status: 'suspendu' }), date: '2026-06-01', reasons: ['SUSPENDED'] },
  // Dependants: the titulaire's record governs too.
  { name: 'spouse of an eligible titulaire', person: conjoint, holder: titulaire, date: '2025-06-15' },
  { name: 'spouse whose titulaire is missing', person: conjoint, holder: null, date: '2025-06-15', reasons: ['HOLDER_NOT_FOUND'] },
  {
    name: 'spouse linked to someone who is not a titulaire',
    person: conjoint,
    holder: conjoint,
    date: '2025-06-15',
    reasons: ['HOLDER_NOT_FOUND'],
  },
  {
    name: 'spouse of a suspended titulaire',
    person: conjoint,
    holder: rec({ status: 'suspendu' }),
    date: '2025-06-15',
    reasons: ['HOLDER_NOT_ELIGIBLE'],
    holderReasons: ['SUSPENDED'],
  },
  {
    name: 'spouse of a struck-off titulaire',
    person: conjoint,
    holder: rec({ status: 'radie' }),
    date: '2025-06-15',
    reasons: ['HOLDER_NOT_ELIGIBLE'],
    holderReasons: ['STRUCK_OFF'],
  },
  {
    name: 'spouse of an expired titulaire',
    person: conjoint,
    holder: titulaire,
    date: '2027-01-01',
    reasons: ['HOLDER_NOT_ELIGIBLE'],
    holderReasons: ['EXPIRED'],
  },
  {
    name: 'spouse of a titulaire not yet valid',
    person: conjoint,
    holder: titulaire,
    date: '2023-12-31',
    reasons: ['HOLDER_NOT_ELIGIBLE'],
    holderReasons: ['NOT_YET_VALID'],
  },
  { name: "spouse on the titulaire's last day", person: conjoint, holder: titulaire, date: '2026-12-31', warnings: ['NEAR_EXPIRY'] },
  {
    name: 'suspended spouse of an eligible titulaire',
    person: rec({ ...conjoint, status: 'suspendu' }),
    holder: titulaire,
    date: '2025-06-15',
    reasons: ['SUSPENDED'],
  },
  {
    name: 'struck-off child of an eligible titulaire',
    person: child('2020-01-01', { status: 'radie' }),
    holder: titulaire,
    date: '2025-06-15',
    reasons: ['STRUCK_OFF'],
  },
  {
    name: 'suspended spouse of an expired titulaire',
    person: rec({ ...conjoint, status: 'suspendu' }),
    holder: titulaire,
    date: '2027-02-01',
    reasons: ['SUSPENDED', 'HOLDER_NOT_ELIGIBLE'],
    holderReasons: ['EXPIRED'],
  },
  {
    name: "a dependant's own validity, shorter than the titulaire's",
    person: rec({ ...conjoint, validFrom: '2024-01-01', validTo: '2025-06-30' }),
    holder: titulaire,
    date: '2025-07-01',
    reasons: ['EXPIRED'],
  },
  // Rule 3: children's age on the day, birthday counted on the day.
  { name: 'child aged 13, the day before turning 14', person: child('2012-11-16'), holder: titulaire, date: '2026-11-15' },
  {
    name: 'child turning 14 on the day, not in school',
    person: child('2012-11-16'),
    holder: titulaire,
    date: '2026-11-16',
    reasons: ['CHILD_NOT_IN_SCHOOL'],
  },
  {
    name: 'child turning 14 on the day, in school',
    person: child('2012-11-16', { inSchool: true }),
    holder: titulaire,
    date: '2026-11-16',
  },
  {
    name: 'child aged 15 not in school',
    person: child('2010-06-01'),
    holder: titulaire,
    date: '2025-06-15',
    reasons: ['CHILD_NOT_IN_SCHOOL'],
  },
  { name: 'child aged 15 in school', person: child('2010-06-01', { inSchool: true }), holder: titulaire, date: '2025-06-15' },
  {
    name: 'child aged 15, disabled, not in school',
    person: child('2010-06-01', { disabled: true }),
    holder: titulaire,
    date: '2025-06-15',
  },
  {
    name: 'child aged 21 in school, the day before 22',
    person: child('2004-06-16', { inSchool: true }),
    holder: titulaire,
    date: '2026-06-15',
  },
  {
    name: 'child turning 22 on the day, in school',
    person: child('2004-06-15', { inSchool: true }),
    holder: titulaire,
    date: '2026-06-15',
    reasons: ['CHILD_OVER_AGE'],
  },
  {
    name: 'child of 22 neither in school nor disabled',
    person: child('2004-06-15'),
    holder: titulaire,
    date: '2026-06-15',
    reasons: ['CHILD_OVER_AGE'],
  },
  { name: 'disabled child of 22', person: child('2004-06-15', { disabled: true }), holder: titulaire, date: '2026-06-15' },
  { name: 'disabled adult child of 40', person: child('1985-01-01', { disabled: true }), holder: titulaire, date: '2025-06-15' },
  {
    name: 'over-age child of an expired titulaire',
    person: child('2000-01-01'),
    holder: titulaire,
    date: '2027-06-01',
    reasons: ['HOLDER_NOT_ELIGIBLE', 'CHILD_OVER_AGE'],
    holderReasons: ['EXPIRED'],
  },
  // 29 February births reach their next age on 1 March in common years.
  { name: 'born 29 Feb: still 13 on 28 Feb of a common year', person: child('2012-02-29'), holder: titulaire, date: '2026-02-28' },
  {
    name: 'born 29 Feb: 14 on 1 March of a common year',
    person: child('2012-02-29'),
    holder: titulaire,
    date: '2026-03-01',
    reasons: ['CHILD_NOT_IN_SCHOOL'],
  },
  {
    name: 'born 29 Feb: still 21 on 28 Feb, in school',
    person: child('2004-02-29', { inSchool: true }),
    holder: titulaire,
    date: '2026-02-28',
  },
  {
    name: 'born 29 Feb: 22 on 1 March, in school',
    person: child('2004-02-29', { inSchool: true }),
    holder: titulaire,
    date: '2026-03-01',
    reasons: ['CHILD_OVER_AGE'],
  },
  // A birth year alone counts as 1 January, with a warning.
  {
    name: 'year-only birth: 13 on 31 December',
    person: child('2012-01-01', { birthYearOnly: true }),
    holder: titulaire,
    date: '2025-12-31',
    warnings: ['BIRTH_YEAR_ONLY'],
  },
  {
    name: 'year-only birth: 14 on 1 January',
    person: child('2012-01-01', { birthYearOnly: true }),
    holder: titulaire,
    date: '2026-01-01',
    reasons: ['CHILD_NOT_IN_SCHOOL'],
    warnings: ['BIRTH_YEAR_ONLY'],
  },
  {
    name: 'year-only birth of an adult: no age rule, no warning',
    person: rec({ birthYearOnly: true, birthDate: '1970-01-01' }),
    date: '2025-06-15',
  },
  // Warnings about the registry and the identity check.
  { name: 'registry never imported', person: titulaire, date: '2025-06-15', registryDate: null, warnings: ['REGISTRY_STALE'] },
  { name: 'registry imported exactly 45 days ago', person: titulaire, date: '2025-06-15', registryDate: '2025-05-01' },
  {
    name: 'registry imported 46 days ago',
    person: titulaire,
    date: '2025-06-15',
    registryDate: '2025-04-30',
    warnings: ['REGISTRY_STALE'],
  },
  {
    name: 'not found in a stale registry',
    person: null,
    date: '2025-06-15',
    registryDate: '2025-01-01',
    reasons: ['NOT_FOUND'],
    warnings: ['REGISTRY_STALE'],
  },
  { name: 'identity not checked', person: titulaire, date: '2025-06-15', identityChecked: false, warnings: ['IDENTITY_NOT_CHECKED'] },
  { name: 'identity checked', person: titulaire, date: '2025-06-15', identityChecked: true },
];

describe('checkEligibility', () => {
  it.each(CASES)('$name', (c) => {
    const input: EligibilityInput = {
      person: c.person,
      date: c.date,
      settings: { nearExpiryDays: 30, freshnessDays: 45 },
      registryDate: c.registryDate === undefined ? c.date : c.registryDate,
      ...(c.holder !== undefined ? { holder: c.holder } : {}),
      ...(c.identityChecked !== undefined ? { identityChecked: c.identityChecked } : {}),
    };
    const result = checkEligibility(input);
    expect({ eligible: result.eligible, reasons: result.reasons, warnings: result.warnings, holderReasons: result.holderReasons }).toEqual({
      eligible: (c.reasons ?? []).length === 0,
      reasons: c.reasons ?? [],
      warnings: c.warnings ?? [],
      holderReasons: c.holderReasons ?? [],
    });
  });

  it('covers every reason and warning code', () => {
    const reasons = new Set(CASES.flatMap((c) => [...(c.reasons ?? []), ...(c.holderReasons ?? [])]));
    const warnings = new Set(CASES.flatMap((c) => c.warnings ?? []));
    expect([...REASON_CODES].filter((r) => !reasons.has(r))).toEqual([]);
    expect([...WARNING_CODES].filter((w) => !warnings.has(w))).toEqual([]);
  });

  it('reports the last covered day: the earliest end of the person and the titulaire', () => {
    const result = checkEligibility({
      person: rec({ ...conjoint, validFrom: '2024-01-01', validTo: '2026-06-30' }),
      holder: titulaire,
      date: '2025-01-01',
      settings: { nearExpiryDays: 30, freshnessDays: 45 },
      registryDate: '2025-01-01',
    });
    expect(result.validUntil).toBe('2026-06-30');
  });

  it('a near-expiry setting of 0 warns on the last day only', () => {
    const at = (date: string) =>
      checkEligibility({ person: titulaire, date, settings: { nearExpiryDays: 0, freshnessDays: 45 }, registryDate: date }).warnings;
    expect(at('2026-12-30')).toEqual([]);
    expect(at('2026-12-31')).toEqual(['NEAR_EXPIRY']);
  });
});

describe('ageOn', () => {
  it.each([
    ['2012-11-16', '2026-11-15', 13],
    ['2012-11-16', '2026-11-16', 14],
    ['2008-02-29', '2024-02-28', 15],
    ['2008-02-29', '2024-02-29', 16],
    ['2008-02-29', '2023-02-28', 14],
    ['2008-02-29', '2023-03-01', 15],
    ['1990-12-31', '2026-01-01', 35],
  ])('born %s, on %s: %i full years', (birth, date, age) => {
    expect(ageOn(birth, date)).toBe(age);
  });
});
