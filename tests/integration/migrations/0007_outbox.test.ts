import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';

describeEachDb('migration 0007_outbox', (kind) => {
  it('keeps the claims of 0006 and adds the queue, one message per key', async () => {
    const m = await databaseAt(kind, '0006_claims');
    try {
      const claim = {
        month: '2026-11',
        version: 1,
        previous_id: null,
        status: 'signee',
        built_at: '2026-12-01T08:00:00.000Z',
        built_by: 'fatoumata',
        episodes: 1,
        total: 1000,
        signed_at: '2026-12-01T09:00:00.000Z',
        signed_by: 'fatoumata',
        content: '{}',
        sha256: 'a'.repeat(64),
      };
      await m.db.insertInto('claim').values(claim).execute();
      expect(await m.migrateToLatest()).toContain('0007_outbox');
      expect(await m.db.selectFrom('claim').selectAll().execute()).toEqual([expect.objectContaining({ id: 1, ...claim })]);
      const message = {
        claim_id: 1,
        episode_number: 'E-0001',
        idempotency_key: 'k'.repeat(32),
        body: '{}',
        status: 'en_attente',
        attempts: 0,
        created_at: claim.signed_at,
        next_attempt_at: claim.signed_at,
      };
      await m.db.insertInto('outbox_message').values(message).execute();
      await expect(m.db.insertInto('outbox_message').values(message).execute()).rejects.toThrow();
      await expect(
        m.db
          .insertInto('outbox_message')
          .values({ ...message, idempotency_key: 'x', status: 'perdu' })
          .execute(),
      ).rejects.toThrow();
    } finally {
      await m.dispose();
    }
  });
});
