import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';

describeEachDb('migration 0005_pharmacy', (kind) => {
  it('keeps the episodes of 0003 and adds stock and dispensing tables that point at them', async () => {
    const m = await databaseAt(kind, '0003_episodes');
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
          code: 'PARA500C',
          dci: 'Paracétamol',
          form: 'comprimé',
          strength: '500 mg',
          unit: 'comprimé',
          price: 10,
          essential: 1,
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
      expect(await m.migrateToLatest()).toContain('0005_pharmacy');
      expect(await m.db.selectFrom('episode').select('number').execute()).toEqual([{ number: 'EP-2026-000001' }]);

      const batch = await m.db
        .insertInto('stock_batch')
        .values({
          medicine_code: 'PARA500C',
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
      await expect(m.db.updateTable('stock_batch').set({ quantity: -1 }).where('id', '=', batch.id).execute()).rejects.toThrow();
      const line = {
        episode_id: episode.id,
        medicine_id: medicine.id,
        medicine_code: 'PARA500C',
        dci: 'Paracétamol',
        form: 'comprimé',
        strength: '500 mg',
        quantity: 2,
        unit_price: 10,
        amount: 20,
        dispensed_at: 'x',
        dispensed_by: 'p',
        prescriber: 'Dr',
        batch_id: batch.id,
        cancels_id: null,
        cancel_reason: null,
      };
      const given = await m.db.insertInto('dispensation').values(line).returning('id').executeTakeFirstOrThrow();
      // A cancellation carries a negative quantity and its reason, once.
      await expect(
        m.db
          .insertInto('dispensation')
          .values({ ...line, cancels_id: given.id })
          .execute(),
      ).rejects.toThrow();
      await m.db
        .insertInto('dispensation')
        .values({ ...line, quantity: -2, amount: -20, cancels_id: given.id, cancel_reason: 'Erreur' })
        .execute();
      await expect(
        m.db
          .insertInto('dispensation')
          .values({ ...line, quantity: -2, amount: -20, cancels_id: given.id, cancel_reason: 'Encore' })
          .execute(),
      ).rejects.toThrow();
      await expect(
        m.db
          .insertInto('stock_movement')
          .values({ batch_id: batch.id, kind: 'vol', quantity: 1, balance: 1, at: 'x', by_login: 'p' })
          .execute(),
      ).rejects.toThrow();
      await expect(
        m.db
          .insertInto('unmet_demand')
          .values({
            episode_id: episode.id,
            medicine_code: 'X',
            dci: 'X',
            requested: 2,
            unmet: 3,
            prescriber: 'Dr',
            recorded_at: 'x',
            recorded_by: 'p',
          })
          .execute(),
      ).rejects.toThrow();
    } finally {
      await m.dispose();
    }
  });
});
