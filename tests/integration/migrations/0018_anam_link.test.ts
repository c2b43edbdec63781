import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';

describeEachDb('migration 0018_anam_link', (kind) => {
  it('keeps the queue of 0013 and asks for the decision of the Claims delivered without an answer', async () => {
    const m = await databaseAt(kind, '0013_outbox_retries');
    try {
      const { id: claimId } = await m.db
        .insertInto('claim')
        .values({
          month: '2026-10',
          version: 1,
          previous_id: null,
          status: 'envoyee',
          built_at: '2026-11-02T08:00:00.000Z',
          built_by: 'fatoumata',
          episodes: 3,
          total: 1500,
          signed_at: '2026-11-02T09:00:00.000Z',
          signed_by: 'fatoumata',
          content: '{}',
          sha256: 'a'.repeat(64),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const message = (episode: string, status: string, deliveredAt: string | null) => ({
        claim_id: claimId,
        episode_number: episode,
        idempotency_key: `k-${episode}`,
        body: '{}',
        status,
        attempts: 1,
        created_at: '2026-11-02T09:00:00.000Z',
        next_attempt_at: '2026-11-02T09:00:00.000Z',
        delivered_at: deliveredAt,
      });
      const ids = await m.db
        .insertInto('outbox_message')
        .values([
          message('E-1', 'livre', '2026-11-03T10:00:00.000Z'),
          message('E-2', 'livre', '2026-11-03T11:00:00.000Z'),
          message('E-3', 'en_attente', null),
        ])
        .returning('id')
        .execute();
      await m.db
        .insertInto('claim_response')
        .values({
          message_id: ids[0]!.id,
          received_at: '2026-11-03T10:00:00.000Z',
          source: 'envoi',
          file_name: null,
          by_login: 'poste-1',
          sha256: 'b'.repeat(64),
          outcome: 'complete',
          disposition: null,
          body: '{}',
        })
        .execute();

      expect(await m.migrateToLatest()).toContain('0018_anam_link');
      const rows: Array<{ episode_number: string; status: string; remote_id: string | null; next_poll_at: string | null }> = await m.db
        .selectFrom('outbox_message')
        .select(['episode_number', 'status', 'remote_id', 'next_poll_at'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        { episode_number: 'E-1', status: 'livre', remote_id: null, next_poll_at: null },
        { episode_number: 'E-2', status: 'livre', remote_id: null, next_poll_at: '2026-11-03T11:00:00.000Z' },
        { episode_number: 'E-3', status: 'en_attente', remote_id: null, next_poll_at: null },
      ]);
      await m.db
        .insertInto('anam_pull')
        .values({
          list: 'registre',
          sequence: 12,
          file_name: 'registre-delta-000012.csv.gz',
          sha256: 'c'.repeat(64),
          bytes: 2048,
          at: '2026-11-20T10:00:00.000Z',
          by_login: 'planificateur',
          status: 'applique',
          error: null,
        })
        .execute();
      expect(await m.db.selectFrom('anam_pull').select(['list', 'sequence', 'status']).execute()).toEqual([
        { list: 'registre', sequence: 12, status: 'applique' },
      ]);
    } finally {
      await m.dispose();
    }
  });
});
