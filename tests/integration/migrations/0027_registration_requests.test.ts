import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';
import { insertPersons } from '../../support/persons';

describeEachDb('migration 0027_registration_requests', (kind) => {
  it('keeps the episodes of 0026 as ordinary admissions, and records requests from then on', async () => {
    const m = await databaseAt(kind, '0026_reference_signature');
    try {
      const [personId] = await insertPersons(m.db, [{ recepisse: '1111234567890', family_name: 'Traoré', given_names: 'Awa' }]);
      await m.db
        .insertInto('episode')
        .values({
          number: 'EP-2026-000001',
          person_id: personId,
          recepisse: '1111234567890',
          patient_search: 'traore awa',
          type: 'urgence',
          emergency: 1,
          identity_document: 'aucun',
          eligibility: '{"eligible":true,"reasons":[],"warnings":[]}',
          status: 'ouvert',
          opened_at: '2026-11-16T09:00:00.000Z',
          opened_by: 'aminata',
          updated_at: '2026-11-16T09:00:00.000Z',
        })
        .execute();
      expect(await m.migrateToLatest()).toContain('0027_registration_requests');
      expect(await m.db.selectFrom('episode').select(['number', 'registration_request_id', 'unregistered_reason']).execute()).toEqual([
        { number: 'EP-2026-000001', registration_request_id: null, unregistered_reason: null },
      ]);
      const row = await m.db
        .insertInto('registration_request')
        .values({
          family_name: 'Keita',
          given_names: 'Oumar',
          sex: 'M',
          birth_date: '1970-01-01',
          birth_year_only: 1,
          commune: 'Kati',
          phone: null,
          requested_on: '2026-11-16',
          recepisse: null,
          registry_reason: null,
          by_login: 'aminata',
          created_at: '2026-11-16T09:05:00.000Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await m.db.updateTable('episode').set({ registration_request_id: row.id, unregistered_reason: 'Accident' }).execute();
      expect(await m.db.selectFrom('episode').select(['registration_request_id']).execute()).toEqual([{ registration_request_id: row.id }]);
    } finally {
      await m.dispose();
    }
  });
});
