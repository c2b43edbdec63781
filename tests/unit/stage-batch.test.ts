import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, expect, it } from 'vitest';
import type { BatchItem } from '../../electron/core/registry/apply-batch';
import { REGISTRY_COLUMNS, type RegistryRow } from '../../electron/core/registry/registry-row';
import { STAGED_ROW_COLUMNS, stageBatch } from '../../electron/core/registry/stage-batch';

const dir = mkdtempSync(join(tmpdir(), 'stage-'));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const row: RegistryRow = {
  recepisse: '1111234567891',
  family_name: 'N’Diaye',
  given_names: 'Awa « Mamou »',
  sex: 'F',
  birth_date: '2015-01-01',
  birth_year_only: 1,
  quality: 'enfant',
  holder_recepisse: '1111234567890',
  category: null,
  in_school: 0,
  disabled: 1,
  valid_from: null,
  valid_to: null,
  status: 'actif',
  nina: '00012345678901X',
  // Text that looks like a number: kept as written, leading zeros included.
  commune_code: '0042',
  commune: 'Kati',
  phone: '0076123456',
};

it('stages each row as the import wrote it: text kept as text, yes/no as the integers 1/0, a rejected row with its reason', () => {
  const items: BatchItem[] = [
    { line: 2, check: { ok: true, row, statusDate: '2026-10-01' } },
    { line: 3, check: { ok: false, reason: 'Sexe invalide « X » : M ou F attendu.', recepisse: '1111234567892' } },
    { line: 5, check: { ok: false, reason: 'Récépissé manquant.', recepisse: null } },
  ];
  const file = join(dir, 'lot.db');
  stageBatch(items, file);
  const db = new DatabaseSync(file, { readOnly: true });
  const staged = db.prepare(`select line, recepisse, reason, ${STAGED_ROW_COLUMNS.join(', ')} from row order by line`).all();
  const types = db
    .prepare(`select typeof(commune_code) as commune, typeof(phone) as phone, typeof(in_school) as school from row where line = 2`)
    .get();
  db.close();
  expect(staged[0]).toEqual({
    line: 2,
    recepisse: row.recepisse,
    reason: null,
    ...Object.fromEntries(REGISTRY_COLUMNS.map((c) => [c, row[c]])),
    status_date: '2026-10-01',
  });
  expect(types).toEqual({ commune: 'text', phone: 'text', school: 'integer' });
  expect(staged.slice(1).map((r) => [r.line, r.recepisse, r.reason, r.family_name])).toEqual([
    [3, '1111234567892', 'Sexe invalide « X » : M ou F attendu.', null],
    [5, null, 'Récépissé manquant.', null],
  ]);
});
