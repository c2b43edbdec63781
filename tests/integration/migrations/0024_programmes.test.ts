import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';

describeEachDb('migration 0024_programmes', (kind) => {
  it('gives the caesarean lines of 0021 their programme, the others none, and adds the programmes list', async () => {
    const m = await databaseAt(kind, '0021_registry_import_holder');
    try {
      const person = await m.db
        .insertInto('person')
        .values({
          recepisse: '1111234567890',
          family_name: 'Traoré',
          given_names: 'Awa',
          sex: 'F',
          birth_date: '1990-01-01',
          quality: 'titulaire',
          created_at: 'x',
          updated_at: 'x',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const imported = await m.db
        .insertInto('reference_import')
        .values({ kind: 'tarifs', file_name: 't.csv', sha256: 'h', imported_at: 'x', by_login: 'admin', lines: 2, inserted: 2, closed: 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      const tariff = (code: string, caesarean: 0 | 1) => ({
        code,
        level: 'csref',
        label: code,
        category: 'maternite',
        price: caesarean ? 75000 : 3000,
        effective_from: '2024-01-01',
        effective_to: null,
        ramed_covered: caesarean ? 0 : 1,
        max_quantity: null,
        exclusion: null,
        caesarean,
        import_id: imported.id,
        created_at: 'x',
      });
      const acc = await m.db.insertInto('tariff').values(tariff('MA-ACC', 0)).returning('id').executeTakeFirstOrThrow();
      const ces = await m.db.insertInto('tariff').values(tariff('MA-CES', 1)).returning('id').executeTakeFirstOrThrow();
      const episode = await m.db
        .insertInto('episode')
        .values({
          number: 'EP-2026-000001',
          person_id: person.id,
          recepisse: '1111234567890',
          patient_search: 'traore awa',
          type: 'maternite',
          emergency: 0,
          identity_document: 'recepisse_seul',
          eligibility: '{}',
          status: 'ouvert',
          opened_at: '2026-11-16T08:00:00.000Z',
          opened_by: 'accueil',
          updated_at: 'x',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const line = (tariffId: number, code: string, payer: string, amount: number) => ({
        episode_id: episode.id,
        kind: 'acte',
        tariff_id: tariffId,
        medicine_id: null,
        code,
        label: code,
        category: 'maternite',
        performed_on: '2026-11-16',
        quantity: 1,
        unit_price: amount,
        amount,
        payer,
        prescriber: 'Dr',
        cancels_id: null,
        reason: null,
        created_at: 'x',
        created_by: 'accueil',
      });
      await m.db
        .insertInto('prestation')
        .values([line(acc.id, 'MA-ACC', 'ramed', 3000), line(ces.id, 'MA-CES', 'programme_cesarienne', 75000)])
        .execute();

      expect(await m.migrateTo('0024_programmes')).toContain('0024_programmes');
      const lines = await m.db.selectFrom('prestation').select(['code', 'payer', 'amount', 'programme_code']).orderBy('id').execute();
      expect(lines).toEqual([
        { code: 'MA-ACC', payer: 'ramed', amount: 3000, programme_code: null },
        { code: 'MA-CES', payer: 'programme_cesarienne', amount: 75000, programme_code: 'CESAR' },
      ]);
      expect(await m.db.selectFrom('dispensation').select('programme_code').execute()).toEqual([]);

      const { id: importId } = await m.db
        .insertInto('programme_import')
        .values({
          kind: 'programmes',
          file_name: 'p.csv',
          sha256: 'h',
          imported_at: 'x',
          by_login: 'admin',
          lines: 1,
          inserted: 1,
          closed: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const programme = {
        code: 'PALU',
        name: 'Gratuité du paludisme',
        payer: 'PNLP',
        rank: 2,
        acts: 'LB-TDR|LB-GE',
        categories: '',
        medicines: 'AL2012C',
        caesarean: 0,
        patients: 'moins_de_5_ans|enceinte',
        icd10: '',
        effective_from: '2024-01-01',
        effective_to: null,
        import_id: importId,
        created_at: 'x',
      };
      await m.db.insertInto('programme').values(programme).execute();
      // One version per code and start date; an import of this table is of the programmes.
      await expect(m.db.insertInto('programme').values(programme).execute()).rejects.toThrow();
      await expect(
        m.db
          .insertInto('programme_import')
          .values({
            kind: 'tarifs',
            file_name: 'p.csv',
            sha256: 'h',
            imported_at: 'x',
            by_login: 'admin',
            lines: 1,
            inserted: 1,
            closed: 0,
          })
          .execute(),
      ).rejects.toThrow();
    } finally {
      await m.dispose();
    }
  });
});
