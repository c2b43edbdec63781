import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';

describeEachDb('migration 0015_identity_check', (kind) => {
  it('keeps the episodes of 0014, their identity check unknown (null), and takes the new facts', async () => {
    const m = await databaseAt(kind, '0014_registry_timeline');
    try {
      const { id: personId } = await m.db
        .insertInto('person')
        .values({
          recepisse: '1111000000001',
          family_name: 'Traoré',
          given_names: 'Awa',
          sex: 'F',
          birth_date: '1990-01-01',
          birth_year_only: 0,
          quality: 'titulaire',
          status: 'actif',
          created_at: '2026-10-01T08:00:00.000Z',
          updated_at: '2026-10-01T08:00:00.000Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const episode = (number: string) => ({
        number,
        person_id: personId,
        recepisse: '1111000000001',
        patient_search: 'traore awa',
        type: 'consultation_externe',
        emergency: 0,
        identity_document: 'cni_nina',
        identity_number: '123',
        identity_matches: 0,
        eligibility: '{"eligible":true,"reasons":[],"warnings":[]}',
        status: 'ouvert',
        opened_at: '2026-11-10T08:00:00.000Z',
        opened_by: 'aminata',
        updated_at: '2026-11-10T08:00:00.000Z',
      });
      await m.db.insertInto('episode').values(episode('EP-2026-000001')).execute();
      expect(await m.migrateToLatest()).toContain('0015_identity_check');
      await m.db
        .insertInto('episode')
        .values({ ...episode('EP-2026-000002'), identity_mismatch_reason: 'Photo ancienne', identity_nina_check: 'mismatch' })
        .execute();
      const rows = await m.db
        .selectFrom('episode')
        .select(['number', 'identity_matches', 'identity_mismatch_reason', 'identity_nina_check'])
        .orderBy('number')
        .execute();
      expect(rows.map((r: Record<string, unknown>) => ({ ...r, identity_matches: Number(r.identity_matches) }))).toEqual([
        { number: 'EP-2026-000001', identity_matches: 0, identity_mismatch_reason: null, identity_nina_check: null },
        { number: 'EP-2026-000002', identity_matches: 0, identity_mismatch_reason: 'Photo ancienne', identity_nina_check: 'mismatch' },
      ]);
    } finally {
      await m.dispose();
    }
  });
});
