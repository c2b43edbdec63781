import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';
import { insertPersons } from '../../support/persons';

describeEachDb('migration 0029_automatic_exclusions', (kind) => {
  it('keeps the exclusions of 0027 as the manager’s, and tells automatic ones apart from then on', async () => {
    const m = await databaseAt(kind, '0027_registration_requests');
    try {
      const [personId] = await insertPersons(m.db, [{ recepisse: '1111234567890', family_name: 'Traoré', given_names: 'Awa' }]);
      const episode = await m.db
        .insertInto('episode')
        .values({
          number: 'EP-2026-000001',
          person_id: personId!,
          recepisse: '1111234567890',
          patient_search: 'traore awa',
          type: 'urgence',
          emergency: 1,
          identity_document: 'aucun',
          eligibility: '{"eligible":true,"reasons":[],"warnings":[]}',
          status: 'clos',
          opened_at: '2026-11-16T09:00:00.000Z',
          opened_by: 'aminata',
          ended_on: '2026-11-16',
          updated_at: '2026-11-16T09:00:00.000Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const exclusion = { episode_id: episode.id, line_key: null, at: '2026-12-02T09:00:00.000Z', by_login: 'fatoumata', cancels_id: null };
      await m.db
        .insertInto('claim_exclusion')
        .values({ ...exclusion, reason: 'Doublon' })
        .execute();
      expect(await m.migrateToLatest()).toContain('0029_automatic_exclusions');
      expect(await m.db.selectFrom('claim_exclusion').select(['reason', 'automatic']).execute()).toEqual([
        { reason: 'Doublon', automatic: 0 },
      ]);
      await m.db
        .insertInto('claim_exclusion')
        .values({ ...exclusion, reason: 'Non régularisée', automatic: 1 })
        .execute();
      expect(await m.db.selectFrom('claim_exclusion').select(['reason', 'automatic']).orderBy('id').execute()).toEqual([
        { reason: 'Doublon', automatic: 0 },
        { reason: 'Non régularisée', automatic: 1 },
      ]);
    } finally {
      await m.dispose();
    }
  });
});
