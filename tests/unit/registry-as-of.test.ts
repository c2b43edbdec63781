import { describe, expect, it } from 'vitest';
import { versionAsOf, type StoredVersion } from '../../electron/core/registry/as-of';
import type { PersonRow } from '../../electron/core/registry/person-view';

const current = (effectiveFrom: string | null, status: PersonRow['status'] = 'radie'): PersonRow => ({
  id: 7,
  recepisse: '1111234567890',
  family_name: 'Traoré',
  given_names: 'Moussa',
  sex: 'M',
  birth_date: '1975-01-01',
  birth_year_only: 1,
  quality: 'titulaire',
  holder_recepisse: null,
  category: null,
  in_school: 0,
  disabled: 0,
  valid_from: '2024-01-01',
  valid_to: '2026-12-31',
  status,
  status_changed_at: null,
  nina: null,
  commune_code: null,
  commune: null,
  phone: null,
  import_id: 3,
  effective_from: effectiveFrom,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-12-06T08:00:00.000Z',
});
const version = (id: number, effectiveFrom: string | null, status: string): StoredVersion => ({
  id,
  effectiveFrom,
  previous: JSON.stringify({ status, import_id: id }),
});

describe('versionAsOf', () => {
  // v1 (oldest, no date) actif; v2 suspendu from 01/11; current radié from 06/12.
  const timeline = [version(1, null, 'actif'), version(2, '2026-11-01', 'suspendu')];
  it.each([
    ['2026-12-06', 'radie'],
    ['2027-01-01', 'radie'],
    ['2026-12-05', 'suspendu'],
    ['2026-11-01', 'suspendu'],
    ['2026-10-31', 'actif'],
    ['2020-02-29', 'actif'],
  ])('on %s the version in force is %s', (date, status) => {
    expect(versionAsOf(current('2026-12-06'), timeline, date).status).toBe(status);
  });

  it('keeps the current version when it has no date (oldest known) or took effect on or before the day', () => {
    expect(versionAsOf(current(null), timeline, '2000-01-01').status).toBe('radie');
    expect(versionAsOf(current('2026-11-15'), [], '2026-11-01').status).toBe('radie');
  });

  it('lets a later file that backdates a change win over the version it corrects', () => {
    // v1 actif from 01/11 (recorded first), then current suspendu dated back to 20/10.
    expect(versionAsOf({ ...current('2026-10-20'), status: 'suspendu' }, [version(1, '2026-11-01', 'actif')], '2026-11-05').status).toBe(
      'suspendu',
    );
    // Before every dated version: the oldest one holds.
    expect(
      versionAsOf(current('2026-12-06'), [version(2, '2026-11-01', 'suspendu'), version(1, '2026-10-01', 'actif')], '2026-09-01').status,
    ).toBe('actif');
  });

  it('answers the version with its own import and effective date, the rest of the row unchanged', () => {
    const row = versionAsOf(current('2026-12-06'), timeline, '2026-11-10');
    expect(row).toMatchObject({ id: 7, recepisse: '1111234567890', status: 'suspendu', import_id: 2, effective_from: '2026-11-01' });
  });
});
