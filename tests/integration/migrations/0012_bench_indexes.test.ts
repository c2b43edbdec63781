import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';

const person = (recepisse: string, family_name: string, given_names: string) => ({
  recepisse,
  family_name,
  given_names,
  sex: 'F',
  birth_date: '1990-01-01',
  birth_year_only: 0,
  quality: 'titulaire',
  in_school: 0,
  disabled: 0,
  status: 'actif',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
});

describeEachDb('migration 0012_bench_indexes', (kind) => {
  it('keeps the registry of 0010 findable by name, 4-letter prefixes indexed, the index following later changes', async () => {
    const m = await databaseAt(kind, '0010_claim_responses');
    try {
      await m.db
        .insertInto('person')
        .values([person('1111234567890', 'Traoré', 'Awa'), person('1111234567891', 'Coulibaly', 'Fatoumata')])
        .execute();
      expect(await m.migrateToLatest()).toContain('0012_bench_indexes');
      const search = async (words: string[], prefix: boolean) =>
        (await m.handle.features.nameSearch.search(m.db, words, 10, prefix)).map((p) => Number(p.id));
      expect(await search(['trao', 'awa'], true)).toEqual([1]);
      expect(await search(['fatoumata', 'coulibaly'], false)).toEqual([2]);

      await m.db
        .insertInto('person')
        .values(person('1111234567892', 'Traoré', 'Awaou'))
        .execute();
      await m.db.updateTable('person').set({ family_name: 'Keïta' }).where('recepisse', '=', '1111234567890').execute();
      await m.db.deleteFrom('person').where('recepisse', '=', '1111234567891').execute();
      expect(await search(['trao'], true)).toEqual([3]);
      expect(await search(['keita', 'awa'], false)).toEqual([1]);
      expect(await search(['coul'], true)).toEqual([]);

      if (kind === 'sqlite') {
        const { rows } = await sql<{ sql: string }>`select sql from sqlite_master where name = 'person_fts'`.execute(m.db);
        expect(rows[0]?.sql).toContain("prefix='2 3 4'");
      }
    } finally {
      await m.dispose();
    }
  });
});
