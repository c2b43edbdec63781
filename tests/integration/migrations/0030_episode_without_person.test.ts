import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';
import { insertPersons } from '../../support/persons';

describeEachDb('migration 0030_episode_without_person', (kind) => {
  it('keeps the episodes of 0029 with their person, indexes and foreign keys, and lets a new one wait for its person', async () => {
    const m = await databaseAt(kind, '0029_automatic_exclusions');
    try {
      const indexes = async (): Promise<string[]> => {
        const q =
          kind === 'sqlite'
            ? sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'episode' and sql is not null`
            : sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'episode'`;
        return (await q.execute(m.db)).rows.map((r) => r.name).sort();
      };
      const [personId] = await insertPersons(m.db, [{ recepisse: '1111234567890', family_name: 'Traoré', given_names: 'Awa' }]);
      const values = (number: string, person: number | null) => ({
        number,
        person_id: person,
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
      });
      const first = await m.db.insertInto('episode').values(values('EP-2026-000001', personId!)).returning('id').executeTakeFirstOrThrow();
      const event = { kind: 'ouverture', at: '2026-11-16T09:00:00.000Z', by_login: 'aminata', reason: null, detail: null };
      await m.db
        .insertInto('episode_event')
        .values({ ...event, episode_id: first.id })
        .execute();
      // The person's NOT NULL holds before.
      await expect(m.db.insertInto('episode').values(values('EP-2026-000002', null)).execute()).rejects.toThrow();
      const before = await indexes();
      expect(before.length).toBeGreaterThan(5);

      expect(await m.migrateToLatest()).toContain('0030_episode_without_person');
      expect(await indexes()).toEqual(before);
      expect(await m.db.selectFrom('episode').select(['id', 'number', 'person_id', 'person_linked_at']).execute()).toEqual([
        { id: first.id, number: 'EP-2026-000001', person_id: personId, person_linked_at: null },
      ]);
      expect(await m.db.selectFrom('episode_event').select('episode_id').execute()).toEqual([{ episode_id: first.id }]);

      const waiting = await m.db.insertInto('episode').values(values('EP-2026-000002', null)).returning('id').executeTakeFirstOrThrow();
      expect(waiting.id).toBeGreaterThan(first.id);
      // Foreign keys still hold, both ways: the episode's person, and the rows that point at episodes.
      await expect(m.db.insertInto('episode').values(values('EP-2026-000003', 9999)).execute()).rejects.toThrow();
      await expect(
        m.db
          .insertInto('episode_event')
          .values({ ...event, episode_id: 9999 })
          .execute(),
      ).rejects.toThrow();
      await expect(m.db.insertInto('episode').values(values('EP-2026-000001', personId!)).execute()).rejects.toThrow();
    } finally {
      await m.dispose();
    }
  });
});
