import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';

describeEachDb('migration 0006_claims', (kind) => {
  it('keeps the episodes of 0003 and adds claims that point at them', async () => {
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
      const episode = await m.db
        .insertInto('episode')
        .values({
          number: 'EP-2026-000001',
          person_id: person.id,
          recepisse: '1111234567890',
          patient_search: 'traore awa',
          type: 'consultation_externe',
          emergency: 0,
          identity_document: 'cni_nina',
          eligibility: '{}',
          status: 'clos',
          opened_at: '2026-11-10T08:00:00.000Z',
          opened_by: 'accueil',
          ended_on: '2026-11-10',
          updated_at: 'x',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(await m.migrateToLatest()).toContain('0006_claims');
      expect(await m.db.selectFrom('episode').select('number').execute()).toEqual([{ number: 'EP-2026-000001' }]);

      const draft = { month: '2026-11', version: 1, status: 'brouillon', built_at: 'x', built_by: 'g', episodes: 1, total: 500 };
      const c = await m.db.insertInto('claim').values(draft).returning('id').executeTakeFirstOrThrow();
      await m.db.insertInto('claim_episode').values({ claim_id: c.id, episode_id: episode.id }).execute();
      // The same version twice, a signed version without content, an unknown status, a draft with content: refused.
      await expect(m.db.insertInto('claim').values(draft).execute()).rejects.toThrow();
      await expect(
        m.db
          .insertInto('claim')
          .values({ ...draft, version: 2, status: 'signee' })
          .execute(),
      ).rejects.toThrow();
      await expect(
        m.db
          .insertInto('claim')
          .values({ ...draft, version: 2, status: 'perdue' })
          .execute(),
      ).rejects.toThrow();
      await expect(
        m.db
          .insertInto('claim')
          .values({ ...draft, version: 2, content: '{}', sha256: 'h' })
          .execute(),
      ).rejects.toThrow();
      await expect(m.db.insertInto('claim_episode').values({ claim_id: c.id, episode_id: 9999 }).execute()).rejects.toThrow();
      await m.db
        .insertInto('claim')
        .values({ ...draft, version: 2, previous_id: c.id, status: 'signee', content: '{}', sha256: 'h' })
        .execute();

      const x = await m.db
        .insertInto('claim_exclusion')
        .values({ episode_id: episode.id, reason: 'Doublon', at: 'x', by_login: 'g' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const cancel = { episode_id: episode.id, reason: 'Erreur', at: 'x', by_login: 'g', cancels_id: x.id };
      await m.db.insertInto('claim_exclusion').values(cancel).execute();
      await expect(m.db.insertInto('claim_exclusion').values(cancel).execute()).rejects.toThrow();
    } finally {
      await m.dispose();
    }
  });
});
