import { describe, expect, it } from 'vitest';
import { checkEssential } from '../../shared/rules/claim-essential';
import type { ClaimEpisodeInput, ClaimLine } from '../../shared/domain/claims';
import type { MedicineEntry } from '../../shared/domain/reference';

const medicine = (code: string, essential: boolean, over: Partial<MedicineEntry> = {}): MedicineEntry => ({
  id: 1,
  code,
  dci: code,
  form: 'comprimé',
  strength: '500 mg',
  unit: 'comprimé',
  price: 100,
  essential,
  effectiveFrom: '2024-01-01',
  effectiveTo: null,
  ...over,
});
const MEDICINES = [
  medicine('PARA500C', true),
  medicine('VITC', false),
  medicine('CHANGE', false, { effectiveTo: '2026-10-31' }),
  medicine('CHANGE', true, { effectiveFrom: '2026-11-01' }),
];
const line = (code: string, over: Partial<ClaimLine> = {}): ClaimLine => ({
  key: `prestation:${code}`,
  source: 'prestation',
  episodeId: 1,
  kind: 'medicament',
  code,
  label: code,
  category: 'medicaments',
  performedOn: '2026-11-10',
  quantity: 18,
  unitPrice: 100,
  amount: 1800,
  payer: 'ramed',
  ...over,
});
const episode = (lines: ClaimLine[]) => ({ episodeId: 1, lines }) as unknown as ClaimEpisodeInput;

describe('medicines off the essential list', () => {
  it.each<[string, ClaimLine, string[]]>([
    ['an essential medicine', line('PARA500C'), []],
    ['a medicine off the list, billed 1 800 FCFA, not justified', line('VITC'), ['NOT_ESSENTIAL']],
    ['a medicine off the list, justified at dispensing', line('VITC', { offListReason: 'Allergie' }), ['OFF_LIST_JUSTIFIED']],
    ['an essential medicine with a reason anyway', line('PARA500C', { offListReason: 'Allergie' }), []],
    ['off the list but not billed to the RAMED', line('VITC', { payer: 'programme_cesarienne' }), []],
    ['the medicine keyed as an act (same code), not justified', line('VITC', { kind: 'acte', source: 'prestation' }), ['NOT_ESSENTIAL']],
    ['the medicine keyed as an act, justified at entry', line('VITC', { kind: 'acte', offListReason: 'Rupture' }), ['OFF_LIST_JUSTIFIED']],
    ['the medicine keyed as an act, paid by a programme', line('VITC', { kind: 'acte', payer: 'programme_cesarienne' }), []],
    ['an act whose code is no medicine’s', line('CS-CUR', { kind: 'acte' }), []],
    ['off the list on its day (October)', line('CHANGE', { performedOn: '2026-10-31' }), ['NOT_ESSENTIAL']],
    ['on the list from 1 November', line('CHANGE', { performedOn: '2026-11-01' }), []],
    ['unknown to the list (NOT_IN_TARIFF’s business)', line('NOPE'), []],
  ])('%s', (_name, l, codes) => {
    const flags = checkEssential([episode([l])], MEDICINES);
    expect(flags.map((f) => f.code)).toEqual(codes);
  });

  it('says it in French with the amount, and the justification when there is one', () => {
    expect(checkEssential([episode([line('VITC')])], MEDICINES)[0]!.message).toBe(
      '« VITC » (1 800 FCFA) est hors liste nationale des médicaments essentiels le 10/11/2026, sans justification.',
    );
    expect(checkEssential([episode([line('VITC', { offListReason: 'Seul mucolytique toléré' })])], MEDICINES)[0]!.message).toBe(
      '« VITC » (1 800 FCFA) est hors liste nationale des médicaments essentiels le 10/11/2026 ; justification : « Seul mucolytique toléré ».',
    );
  });
});
