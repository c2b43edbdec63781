import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';
import { insertPersons } from '../../support/persons';

describeEachDb('migration 0031_act_off_list_reason', (kind) => {
  it('keeps the act lines of 0027, none justified, and stores the justification of a medicine keyed as an act', async () => {
    const m = await databaseAt(kind, '0027_registration_requests');
    try {
      const [personId] = await insertPersons(m.db, [{ recepisse: '1111234567890', family_name: 'Traoré', given_names: 'Awa' }]);
      const imported = await m.db
        .insertInto('reference_import')
        .values({ kind: 'tarifs', file_name: 't.csv', sha256: 'h', imported_at: 'x', by_login: 'admin', lines: 1, inserted: 1, closed: 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      const tariff = await m.db
        .insertInto('tariff')
        .values({
          code: 'CARBO5S',
          level: 'cscom',
          label: 'Carbocistéine 5 % sirop',
          category: 'autre',
          price: 900,
          effective_from: '2024-01-01',
          ramed_covered: 1,
          caesarean: 0,
          import_id: imported.id,
          created_at: 'x',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const episode = await m.db
        .insertInto('episode')
        .values({
          number: 'EP-2026-000001',
          person_id: personId,
          recepisse: '1111234567890',
          patient_search: 'traore awa',
          type: 'consultation_externe',
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
      const line = {
        episode_id: episode.id,
        kind: 'acte',
        tariff_id: tariff.id,
        medicine_id: null,
        code: 'CARBO5S',
        label: 'Carbocistéine 5 % sirop',
        category: 'autre',
        performed_on: '2026-11-16',
        quantity: 1,
        unit_price: 900,
        amount: 900,
        payer: 'ramed',
        prescriber: 'Dr Sidibé',
        cancels_id: null,
        reason: null,
        created_at: '2026-11-16T09:00:00.000Z',
        created_by: 'accueil',
      };
      await m.db.insertInto('prestation').values(line).execute();

      expect(await m.migrateToLatest()).toContain('0031_act_off_list_reason');
      expect(await m.db.selectFrom('prestation').select(['code', 'amount', 'off_list_reason']).execute()).toEqual([
        { code: 'CARBO5S', amount: 900, off_list_reason: null },
      ]);
      await m.db
        .insertInto('prestation')
        .values({ ...line, off_list_reason: 'Rupture à la pharmacie' })
        .execute();
      expect(await m.db.selectFrom('prestation').select('off_list_reason').orderBy('id').execute()).toEqual([
        { off_list_reason: null },
        { off_list_reason: 'Rupture à la pharmacie' },
      ]);
    } finally {
      await m.dispose();
    }
  });
});
