import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';

describeEachDb('migration 0014_registry_timeline', (kind) => {
  it('dates the versions of 0013’s registry by when they were written; the oldest holds for every earlier day', async () => {
    const m = await databaseAt(kind, '0013_outbox_retries');
    try {
      const importRow = (file: string, at: string) => ({
        file_name: file,
        sha256: file.padEnd(64, '0'),
        mode: 'delta',
        signature: 'unsigned',
        status: 'done',
        phase: 'finished',
        started_at: at,
        finished_at: at,
        by_login: 'admin',
      });
      const imports = await m.db
        .insertInto('registry_import')
        .values([
          importRow('a', '2026-10-01T08:00:00.000Z'),
          importRow('b', '2026-11-05T08:00:00.000Z'),
          importRow('c', '2026-12-06T08:00:00.000Z'),
        ])
        .returning('id')
        .execute();
      const [a, b, c] = imports.map((r: { id: number }) => Number(r.id)) as [number, number, number];
      const person = (recepisse: string, status: string, importId: number, updatedAt: string) => ({
        recepisse,
        family_name: 'Traoré',
        given_names: 'Moussa',
        sex: 'M',
        birth_date: '1975-01-01',
        birth_year_only: 0,
        quality: 'titulaire',
        valid_from: '2024-01-01',
        valid_to: '2027-12-31',
        status,
        import_id: importId,
        created_at: '2026-10-01T08:00:00.000Z',
        updated_at: updatedAt,
      });
      const persons = await m.db
        .insertInto('person')
        .values([
          person('1111000000001', 'radie', c, '2026-12-06T08:00:00.000Z'),
          person('1111000000002', 'actif', a, '2026-10-01T08:00:00.000Z'),
        ])
        .returning('id')
        .execute();
      const changedId = Number((persons[0] as { id: number }).id);
      const history = (importId: number, at: string, status: string) => ({
        person_id: changedId,
        import_id: importId,
        replaced_at: at,
        changed: '["status"]',
        previous: JSON.stringify({ status }),
      });
      await m.db
        .insertInto('person_history')
        .values([history(b, '2026-11-05T08:00:00.000Z', 'actif'), history(c, '2026-12-06T08:00:00.000Z', 'suspendu')])
        .execute();

      expect(await m.migrateToLatest()).toContain('0014_registry_timeline');
      const people = await m.db.selectFrom('person').select(['recepisse', 'status', 'effective_from']).orderBy('recepisse').execute();
      expect(people).toEqual([
        { recepisse: '1111000000001', status: 'radie', effective_from: '2026-12-06' },
        { recepisse: '1111000000002', status: 'actif', effective_from: null },
      ]);
      const versions = await m.db.selectFrom('person_history').select(['previous', 'effective_from']).orderBy('id').execute();
      expect(versions).toEqual([
        { previous: '{"status":"actif"}', effective_from: null },
        { previous: '{"status":"suspendu"}', effective_from: '2026-11-05' },
      ]);
      const imported = await m.db.selectFrom('registry_import').select(['extract_date', 'sequence']).execute();
      expect(imported).toEqual([
        { extract_date: null, sequence: null },
        { extract_date: null, sequence: null },
        { extract_date: null, sequence: null },
      ]);
    } finally {
      await m.dispose();
    }
  });
});
