import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';

describeEachDb('migration 0002_registry', (kind) => {
  it('keeps the data of 0001 and adds the registry tables, the name index and the one-import guard', async () => {
    const m = await databaseAt(kind, '0001_foundation');
    try {
      await m.db.insertInto('facility').values({ id: 1, code: 'A', name: 'A', level: 'csref', created_at: 'x', updated_at: 'x' }).execute();
      await m.db
        .insertInto('app_user')
        .values({ login: 'awa', full_name: 'Awa', roles: 'admin', password_hash: 'h', created_at: 'x', updated_at: 'x' })
        .execute();
      expect(await m.migrateToLatest()).toContain('0002_registry');
      expect(await m.db.selectFrom('app_user').select(['login', 'must_change_password', 'active']).execute()).toEqual([
        { login: 'awa', must_change_password: 1, active: 1 },
      ]);
      const person = {
        recepisse: '1111234567890',
        family_name: 'Traoré',
        given_names: 'Awa',
        sex: 'F',
        birth_date: '1980-01-01',
        birth_year_only: 1,
        quality: 'titulaire',
        created_at: 'x',
        updated_at: 'x',
      };
      await m.db.insertInto('person').values(person).execute();
      await expect(m.db.insertInto('person').values(person).execute()).rejects.toThrow();
      expect(await m.db.selectFrom('person').select(['status', 'in_school']).execute()).toEqual([{ status: 'actif', in_school: 0 }]);

      // The name index follows the table: accents and case aside, prefixes, on insert and update.
      const features = m.handle.features;
      const id = (await m.db.selectFrom('person').select('id').executeTakeFirstOrThrow()).id;
      expect((await features.nameSearch.search(m.db, ['traore', 'aw'], 10, true)).map((p) => Number(p.id))).toEqual([id]);
      await m.db.updateTable('person').set({ given_names: 'Aïssata' }).execute();
      expect((await features.nameSearch.search(m.db, ['awa'], 10, false)).map((p) => Number(p.id))).toEqual([]);
      expect((await features.nameSearch.search(m.db, ['aissata', 'tra'], 10, true)).map((p) => Number(p.id))).toEqual([id]);

      // One running import at a time, whatever the workstation.
      const run = {
        file_name: 'f.csv',
        sha256: 'x',
        mode: 'full',
        signature: 'unsigned',
        status: 'running',
        started_at: 'x',
        by_login: 'a',
      };
      await m.db.insertInto('registry_import').values(run).execute();
      await expect(m.db.insertInto('registry_import').values(run).execute()).rejects.toThrow();
      await m.db
        .insertInto('registry_import')
        .values({ ...run, status: 'done' })
        .execute();
      await m.db
        .insertInto('registry_import')
        .values({ ...run, status: 'done' })
        .execute();
      for (const table of ['person_history', 'registry_import_rejection', 'registry_import_seen']) {
        expect(await m.db.selectFrom(table).selectAll().execute()).toEqual([]);
      }
    } finally {
      await m.dispose();
    }
  });
});
