import { describe, expect, it } from 'vitest';
import { deskCounts, type DeskCheckRow } from '../../shared/domain/reception';

type Row = Pick<DeskCheckRow, 'kind' | 'outcome'>;
const v = (outcome: 'eligible' | 'non_eligible'): Row => ({ kind: 'verification', outcome });
const a = (outcome: 'admis' | 'refuse'): Row => ({ kind: 'admission', outcome });

describe('the desk’s figures of the day', () => {
  it.each<[string, Row[], ReturnType<typeof deskCounts>]>([
    ['an empty day', [], { checked: 0, eligible: 0, refused: 0, admitted: 0 }],
    ['checked then admitted', [v('eligible'), a('admis')], { checked: 1, eligible: 1, refused: 0, admitted: 1 }],
    ['not eligible at the check', [v('non_eligible')], { checked: 1, eligible: 0, refused: 1, admitted: 0 }],
    ['eligible, then refused by the referral rule', [v('eligible'), a('refuse')], { checked: 1, eligible: 1, refused: 1, admitted: 0 }],
    [
      'admitted twice the same day (confirmed)',
      [v('eligible'), a('admis'), a('admis')],
      { checked: 1, eligible: 1, refused: 0, admitted: 2 },
    ],
    ['checked only', [v('eligible'), v('eligible'), v('non_eligible')], { checked: 3, eligible: 2, refused: 1, admitted: 0 }],
  ])('%s', (_, rows, expected) => {
    expect(deskCounts(rows)).toEqual(expected);
  });
});
