import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';

describeEachDb('migration 0003_episodes', (kind) => {
  it('keeps the registry of 0002 and adds reference lists and episodes that point at its persons', async () => {
    const m = await databaseAt(kind, '0002_registry');
    try {
      await m.db.insertInto('facility').values({ id: 1, code: 'A', name: 'A', level: 'cscom', created_at: 'x', updated_at: 'x' }).execute();
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
      expect(await m.migrateToLatest()).toContain('0003_episodes');
      expect(await m.db.selectFrom('person').select(['recepisse', 'family_name']).execute()).toEqual([
        { recepisse: '1111234567890', family_name: 'Traoré' },
      ]);

      const imported = await m.db
        .insertInto('reference_import')
        .values({ kind: 'tarifs', file_name: 'f.csv', sha256: 'h', imported_at: 'x', by_login: 'admin', lines: 1, inserted: 1, closed: 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      const tariff = {
        code: 'CS-CUR',
        level: 'cscom',
        label: 'Consultation',
        category: 'consultation',
        price: 500,
        effective_from: '2024-01-01',
        ramed_covered: 1,
        caesarean: 0,
        import_id: imported.id,
        created_at: 'x',
      };
      const t = await m.db.insertInto('tariff').values(tariff).returning('id').executeTakeFirstOrThrow();
      await expect(m.db.insertInto('tariff').values(tariff).execute()).rejects.toThrow();
      await expect(
        m.db
          .insertInto('tariff')
          .values({ ...tariff, effective_from: '2025-01-01', price: -1 })
          .execute(),
      ).rejects.toThrow();

      const episode = {
        number: 'EP-2026-000001',
        person_id: person.id,
        recepisse: '1111234567890',
        patient_search: 'traore awa',
        type: 'consultation_externe',
        emergency: 0,
        identity_document: 'recepisse_seul',
        eligibility: '{}',
        status: 'ouvert',
        opened_at: 'x',
        opened_by: 'accueil',
        updated_at: 'x',
      };
      const e = await m.db.insertInto('episode').values(episode).returning('id').executeTakeFirstOrThrow();
      await expect(
        m.db
          .insertInto('episode')
          .values({ ...episode, number: 'EP-2026-000002', status: 'perdu' })
          .execute(),
      ).rejects.toThrow();
      await expect(
        m.db
          .insertInto('episode')
          .values({ ...episode, number: 'EP-2026-000003', person_id: 9999 })
          .execute(),
      ).rejects.toThrow();

      const line = {
        episode_id: e.id,
        kind: 'acte',
        tariff_id: t.id,
        code: 'CS-CUR',
        label: 'Consultation',
        performed_on: '2026-11-16',
        quantity: 1,
        unit_price: 500,
        amount: 500,
        payer: 'ramed',
        prescriber: 'Dr Sidibé',
        created_at: 'x',
        created_by: 'accueil',
      };
      const l = await m.db.insertInto('prestation').values(line).returning('id').executeTakeFirstOrThrow();
      // An act line without its tariff, or a cancellation with a positive quantity, cannot exist.
      await expect(
        m.db
          .insertInto('prestation')
          .values({ ...line, tariff_id: null })
          .execute(),
      ).rejects.toThrow();
      await expect(
        m.db
          .insertInto('prestation')
          .values({ ...line, cancels_id: l.id })
          .execute(),
      ).rejects.toThrow();
      const cancel = { ...line, quantity: -1, amount: -500, cancels_id: l.id, reason: 'Doublon' };
      await m.db.insertInto('prestation').values(cancel).execute();
      await expect(m.db.insertInto('prestation').values(cancel).execute()).rejects.toThrow();
    } finally {
      await m.dispose();
    }
  });
});
