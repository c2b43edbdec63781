import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';

describeEachDb('migration 0021_registry_import_holder', (kind) => {
  it('keeps the import history of 0013, with no holder, and records one from then on', async () => {
    const m = await databaseAt(kind, '0013_outbox_retries');
    try {
      const row = {
        file_name: 'registre.csv',
        sha256: 'b'.repeat(64),
        mode: 'full',
        signature: 'unsigned',
        status: 'running',
        started_at: '2026-11-16T09:00:00.000Z',
        heartbeat_at: '2026-11-16T09:10:00.000Z',
        by_login: 'admin',
        lines_done: 5000,
      };
      await m.db.insertInto('registry_import').values(row).execute();
      expect(await m.migrateToLatest()).toContain('0021_registry_import_holder');
      const kept = await m.db
        .selectFrom('registry_import')
        .select(['file_name', 'status', 'lines_done', 'holder'])
        .executeTakeFirstOrThrow();
      expect({ ...kept, lines_done: Number(kept.lines_done) }).toEqual({
        file_name: 'registre.csv',
        status: 'running',
        lines_done: 5000,
        holder: null,
      });
      await m.db.updateTable('registry_import').set({ holder: 'poste-1:4242' }).execute();
      expect(await m.db.selectFrom('registry_import').select('holder').execute()).toEqual([{ holder: 'poste-1:4242' }]);
    } finally {
      await m.dispose();
    }
  });
});
