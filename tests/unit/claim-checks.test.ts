import { describe, expect, it } from 'vitest';
import { checkClaim, type CheckContext } from '../../shared/rules/claim-checks';
import type { ClaimCheck, ClaimEpisodeInput, ClaimLine } from '../../shared/domain/claims';
import type { MedicineEntry, TariffEntry } from '../../shared/domain/reference';

const tariff = (over: Partial<TariffEntry>): TariffEntry => ({
  id: 1,
  code: 'CS-CUR',
  label: 'Consultation curative',
  category: 'consultation',
  level: 'cscom',
  price: 500,
  effectiveFrom: '2024-01-01',
  effectiveTo: null,
  ramedCovered: true,
  maxQuantity: null,
  exclusion: null,
  caesarean: false,
  ...over,
});
const TARIFFS = [
  tariff({}),
  tariff({ id: 2, code: 'LB-GE', label: 'Goutte épaisse', category: 'laboratoire', maxQuantity: 2 }),
  tariff({ id: 3, code: 'MA-CES', label: 'Césarienne', category: 'maternite', price: 75000, caesarean: true }),
  tariff({ id: 4, code: 'EX-LUN', label: 'Lunettes', category: 'autre', exclusion: 'lunettes', ramedCovered: false }),
  tariff({ id: 5, code: 'OLD', label: 'Ancien acte', effectiveTo: '2026-10-31' }),
  tariff({ id: 6, code: 'CS-CUR', level: 'csref', price: 1000 }),
];
const MEDICINES: MedicineEntry[] = [
  {
    id: 1,
    code: 'AMOX500',
    dci: 'Amoxicilline',
    form: 'gélule',
    strength: '500 mg',
    unit: 'gélule',
    price: 25,
    essential: true,
    effectiveFrom: '2024-01-01',
    effectiveTo: null,
  },
];
const CTX: CheckContext = { level: 'cscom', tariffs: TARIFFS, medicines: MEDICINES, medicineMaxQuantity: 60 };

let nextLine = 1;
const act = (code: string, over: Partial<ClaimLine> = {}): ClaimLine => {
  const id = nextLine++;
  return {
    key: `prestation:${id}`,
    source: 'prestation',
    episodeId: 1,
    kind: 'acte',
    code,
    label: TARIFFS.find((t) => t.code === code)?.label ?? code,
    category: 'consultation',
    performedOn: '2026-11-10',
    quantity: 1,
    unitPrice: 500,
    amount: 500,
    payer: 'ramed',
    ...over,
  };
};
const medicine = (quantity: number, over: Partial<ClaimLine> = {}): ClaimLine =>
  act('AMOX500', {
    kind: 'medicament',
    label: 'Amoxicilline 500 mg',
    category: 'medicaments',
    quantity,
    unitPrice: 25,
    amount: 25 * quantity,
    ...over,
  });

const episode = (over: Partial<ClaimEpisodeInput> = {}): ClaimEpisodeInput => ({
  episodeId: 1,
  number: 'EP-2026-000001',
  personId: 1,
  recepisse: '1111234567890',
  patientName: 'TRAORÉ Awa',
  sex: 'F',
  birthDate: '1990-03-12',
  type: 'consultation_externe',
  emergency: false,
  referralFrom: null,
  identityDocument: 'cni_nina',
  identityMatches: true,
  openedOn: '2026-11-10',
  endedOn: '2026-11-10',
  eligibility: { eligible: true, reasons: [] },
  lines: [act('CS-CUR'), medicine(20)],
  ...over,
});

/** Each check: a crafted month on which it must fire, with the level the facility has. */
const CASES: Array<{ code: ClaimCheck; month: () => ClaimEpisodeInput[]; ctx?: Partial<CheckContext> }> = [
  { code: 'PATIENT_NOT_ELIGIBLE', month: () => [episode({ eligibility: { eligible: false, reasons: ['SUSPENDED'] } })] },
  // Refused by the registry as it stood that day, and that data was already there at admission.
  {
    code: 'PATIENT_NOT_ELIGIBLE',
    month: () => [
      episode({ eligibility: { eligible: false, reasons: ['SUSPENDED'], admission: { eligible: true, registryChangedSince: false } } }),
    ],
  },
  {
    code: 'ELIGIBILITY_CHANGED',
    month: () => [
      episode({ eligibility: { eligible: false, reasons: ['STRUCK_OFF'], admission: { eligible: true, registryChangedSince: true } } }),
    ],
  },
  { code: 'NOT_IN_TARIFF', month: () => [episode({ lines: [act('OLD', { performedOn: '2026-11-10' })] })] },
  { code: 'NOT_IN_TARIFF', month: () => [episode({ lines: [medicine(2, { code: 'INCONNU' })] })] },
  { code: 'NON_POSITIVE_AMOUNT', month: () => [episode({ lines: [act('CS-CUR', { unitPrice: 0, amount: 0 })] })] },
  {
    code: 'QUANTITY_OVER_LIMIT',
    month: () => [episode({ lines: [act('LB-GE', { quantity: 2 }), act('LB-GE', { performedOn: '2026-11-11' })] })],
  },
  { code: 'QUANTITY_OVER_LIMIT', month: () => [episode({ lines: [medicine(61)] })] },
  { code: 'END_BEFORE_START', month: () => [episode({ endedOn: '2026-11-09' })] },
  { code: 'DUPLICATE_ACT', month: () => [episode({ lines: [act('CS-CUR'), act('CS-CUR')] })] },
  {
    code: 'DUPLICATE_ACT',
    month: () => [
      episode(),
      episode({ episodeId: 2, number: 'EP-2026-000002', openedOn: '2026-11-09', lines: [act('CS-CUR', { episodeId: 2 })] }),
    ],
  },
  { code: 'DUPLICATE_ADMISSION', month: () => [episode(), episode({ episodeId: 2, number: 'EP-2026-000002', lines: [] })] },
  { code: 'CAESAREAN_BILLED', month: () => [episode({ lines: [act('MA-CES', { payer: 'ramed', unitPrice: 75000, amount: 75000 })] })] },
  { code: 'EXCLUDED_CARE', month: () => [episode({ lines: [act('EX-LUN')] })] },
  { code: 'IDENTITY_NOT_CHECKED', month: () => [episode({ identityDocument: 'aucun', identityMatches: null })] },
  { code: 'IDENTITY_NOT_CHECKED', month: () => [episode({ identityMatches: null })] },
  { code: 'IDENTITY_MISMATCH', month: () => [episode({ identityMatches: false, identityMismatchReason: 'Photo différente' })] },
  { code: 'IDENTITY_MISMATCH', month: () => [episode({ ninaCheck: 'mismatch' })] },
  { code: 'NO_REFERRAL', month: () => [episode({ lines: [] })], ctx: { level: 'csref' } },
  // An emergency out of the registry, not regularised: past its deadline, then before it.
  { code: 'NOT_REGULARISED', month: () => [outOfRegistry({ deadline: '2026-11-25', regularisedOn: null })] },
  { code: 'REGULARISATION_PENDING', month: () => [outOfRegistry({ deadline: '2026-11-25', regularisedOn: null, pending: true })] },
];

function outOfRegistry(unregistered: NonNullable<ClaimEpisodeInput['unregistered']>): ClaimEpisodeInput {
  return episode({ type: 'urgence', emergency: true, eligibility: { eligible: false, reasons: ['EXPIRED'] }, unregistered });
}

describe('claim checks', () => {
  it('flag nothing on a clean month, at the CSCOM and at a CSREF with a referral or an emergency', () => {
    expect(checkClaim([episode()], CTX)).toEqual([]);
    const csref = { ...CTX, level: 'csref' as const };
    expect(
      checkClaim([episode({ referralFrom: 'CSCOM de Sébénikoro', lines: [act('CS-CUR', { unitPrice: 1000, amount: 1000 })] })], csref),
    ).toEqual([]);
    expect(checkClaim([episode({ type: 'urgence', emergency: true, lines: [] })], csref)).toEqual([]);
    // A caesarean paid by its programme, two acts on different days, two patients the same day: all fine.
    const clean = [
      episode({ lines: [act('MA-CES', { payer: 'programme_cesarienne' }), act('LB-GE'), act('LB-GE', { performedOn: '2026-11-11' })] }),
      episode({ episodeId: 2, number: 'EP-2026-000002', personId: 2, lines: [act('CS-CUR', { episodeId: 2 })] }),
    ];
    expect(checkClaim(clean, CTX)).toEqual([]);
  });

  it.each(CASES.map((c, i) => [`${c.code} (${i})`, c] as const))('%s fires on its crafted episode, with a French message', (_name, c) => {
    const flags = checkClaim(c.month(), { ...CTX, ...c.ctx });
    const fired = flags.filter((f) => f.code === c.code);
    expect(fired).toHaveLength(1);
    expect(fired[0]!.message).toMatch(/[a-zé]/);
    // Nothing else fires: each crafted episode breaks one rule only.
    expect(flags.map((f) => f.code)).toEqual([c.code]);
  });

  it('flags nothing on an emergency out of the registry regularised in time, even though the registry said no on the day', () => {
    expect(checkClaim([outOfRegistry({ deadline: '2026-11-25', regularisedOn: '2026-11-20' })], CTX)).toEqual([]);
  });

  it('flags a line check on the line, an episode check on the episode, and only the second occurrence of a duplicate', () => {
    const first = act('CS-CUR');
    const second = act('CS-CUR');
    const flags = checkClaim([episode({ lines: [first, second], identityDocument: 'aucun', identityMatches: null })], CTX);
    expect(flags).toEqual([
      expect.objectContaining({ code: 'IDENTITY_NOT_CHECKED', episodeId: 1, lineKey: null }),
      expect.objectContaining({ code: 'DUPLICATE_ACT', episodeId: 1, lineKey: second.key }),
    ]);
  });

  it('reads the tariff in force on the day of the act, at the facility level', () => {
    expect(checkClaim([episode({ lines: [act('OLD', { performedOn: '2026-10-31' })] })], CTX)).toEqual([]);
    const atHospital = checkClaim([episode({ referralFrom: 'CSREF de la Commune V', lines: [act('LB-GE')] })], {
      ...CTX,
      level: 'hopital',
    });
    expect(atHospital.map((f) => f.code)).toEqual(['NOT_IN_TARIFF']);
  });
});
