import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';

describeEachDb('migration 0013_outbox_retries', (kind) => {
  it('keeps the queue of 0012, each message’s attempts counting from its first series, and records requeues', async () => {
    const m = await databaseAt(kind, '0012_bench_indexes');
    try {
      const { id: claimId } = await m.db
        .insertInto('claim')
        .values({
          month: '2026-10',
          version: 1,
          previous_id: null,
          status: 'signee',
          built_at: '2026-11-02T08:00:00.000Z',
          built_by: 'fatoumata',
          episodes: 2,
          total: 1000,
          signed_at: '2026-11-02T09:00:00.000Z',
          signed_by: 'fatoumata',
          content: '{}',
          sha256: 'a'.repeat(64),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const message = (episode: string, status: string, attempts: number, lastError: string | null) => ({
        claim_id: claimId,
        episode_number: episode,
        idempotency_key: `k-${episode}`,
        body: '{}',
        status,
        attempts,
        created_at: '2026-11-02T09:00:00.000Z',
        next_attempt_at: '2026-11-05T09:00:00.000Z',
        last_error: lastError,
      });
      await m.db
        .insertInto('outbox_message')
        .values([message('E-1', 'echec', 40, 'L’ANAM a répondu HTTP 500.'), message('E-2', 'en_attente', 3, null)])
        .execute();

      expect(await m.migrateToLatest()).toContain('0013_outbox_retries');
      const rows: Array<{
        id: number;
        episode_number: string;
        status: string;
        attempts: number;
        series_start: number;
        last_error: string | null;
      }> = await m.db
        .selectFrom('outbox_message')
        .select(['id', 'episode_number', 'status', 'attempts', 'series_start', 'last_error'])
        .orderBy('id')
        .execute();
      expect(rows.map((r) => [r.episode_number, r.status, Number(r.attempts), Number(r.series_start), r.last_error])).toEqual([
        ['E-1', 'echec', 40, 0, 'L’ANAM a répondu HTTP 500.'],
        ['E-2', 'en_attente', 3, 0, null],
      ]);
      const [abandoned] = rows;
      await m.db
        .insertInto('outbox_retry')
        .values({
          message_id: abandoned!.id,
          at: '2026-11-20T10:00:00.000Z',
          by_login: 'fatoumata',
          reason: 'Serveur réparé',
          attempts_before: 40,
          last_error: 'L’ANAM a répondu HTTP 500.',
        })
        .execute();
      await expect(
        m.db
          .insertInto('outbox_retry')
          .values({ message_id: 999, at: '2026-11-20T10:00:00.000Z', by_login: 'x', reason: 'y', attempts_before: 0 })
          .execute(),
      ).rejects.toThrow();
      expect(await m.db.selectFrom('outbox_retry').select(['message_id', 'attempts_before']).execute()).toEqual([
        { message_id: abandoned!.id, attempts_before: 40 },
      ]);
    } finally {
      await m.dispose();
    }
  });
});
