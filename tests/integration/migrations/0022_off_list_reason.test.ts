import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';

describeEachDb('migration 0022_off_list_reason', (kind) => {
  it('keeps the dispensing lines of 0021, none justified, and stores the justification of a line off the essential list', async () => {
    const m = await databaseAt(kind, '0021_registry_import_holder');
    try {
      const person = await m.db
        .insertInto('person')
        .values({
          recepisse: '1111234567890',
          family_name: 'Traoré',
          given_names: 'Awa',
          sex: 'F',
          birth_date: '1980-01-01',
          quality: 'titulaire',
          created_at: 'x',
          updated_at: 'x',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const imported = await m.db
        .insertInto('reference_import')
        .values({
          kind: 'medicaments',
          file_name: 'm.csv',
          sha256: 'h',
          imported_at: 'x',
          by_login: 'admin',
          lines: 1,
          inserted: 1,
          closed: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const medicine = await m.db
        .insertInto('medicine')
        .values({
          code: 'CARBO5S',
          dci: 'Carbocistéine',
          form: 'sirop',
          strength: '5 %',
          unit: 'flacon',
          price: 900,
          essential: 0,
          effective_from: '2024-01-01',
          import_id: imported.id,
          created_at: 'x',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const episode = await m.db
        .insertInto('episode')
        .values({
          number: 'EP-2026-000001',
          person_id: person.id,
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
      const batch = await m.db
        .insertInto('stock_batch')
        .values({
          medicine_code: 'CARBO5S',
          lot: 'L1',
          expiry: '2027-01-31',
          unit_cost: 5,
          supplier: 'PPM',
          received_on: '2026-11-01',
          quantity: 10,
          created_at: 'x',
          created_by: 'p',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const line = {
        episode_id: episode.id,
        medicine_id: medicine.id,
        medicine_code: 'CARBO5S',
        dci: 'Carbocistéine',
        form: 'sirop',
        strength: '5 %',
        quantity: 1,
        unit_price: 900,
        amount: 900,
        dispensed_at: '2026-11-16T09:00:00.000Z',
        dispensed_by: 'p',
        prescriber: 'Dr',
        batch_id: batch.id,
        cancels_id: null,
        cancel_reason: null,
      };
      await m.db.insertInto('dispensation').values(line).execute();

      expect(await m.migrateToLatest()).toContain('0022_off_list_reason');
      expect(await m.db.selectFrom('dispensation').select(['medicine_code', 'amount', 'off_list_reason']).execute()).toEqual([
        { medicine_code: 'CARBO5S', amount: 900, off_list_reason: null },
      ]);
      await m.db
        .insertInto('dispensation')
        .values({ ...line, off_list_reason: 'Seul mucolytique toléré (allergie)' })
        .execute();
      expect(await m.db.selectFrom('dispensation').select('off_list_reason').orderBy('id').execute()).toEqual([
        { off_list_reason: null },
        { off_list_reason: 'Seul mucolytique toléré (allergie)' },
      ]);
    } finally {
      await m.dispose();
    }
  });
});
