import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';

describeEachDb('migration 0008_backups', (kind) => {
  it('keeps the data of 0002 and adds the backup history', async () => {
    const m = await databaseAt(kind, '0002_registry');
    try {
      await m.db.insertInto('facility').values({ id: 1, code: 'A', name: 'A', level: 'cscom', created_at: 'x', updated_at: 'x' }).execute();
      await m.db
        .insertInto('setting')
        .values({ key: 'backup.folder', value: '"/media/cle"', updated_at: 'x', updated_by: 'awa' })
        .execute();
      expect(await m.migrateToLatest()).toContain('0008_backups');
      expect(await m.db.selectFrom('setting').select(['key', 'value']).execute()).toEqual([
        { key: 'backup.folder', value: '"/media/cle"' },
      ]);
      const run = {
        started_at: '2026-11-16T09:30:00.000Z',
        finished_at: '2026-11-16T09:30:02.000Z',
        by_login: 'awa',
        outcome: 'ok',
        file: '/media/cle/ramed-A-20261116-093000.db',
        size: 5_000_000_000,
        sha256: 'a'.repeat(64),
        schema_version: '0008_backups',
        message: null,
      };
      await m.db.insertInto('backup_run').values(run).execute();
      expect(await m.db.selectFrom('backup_run').selectAll().execute()).toEqual([{ id: 1, ...run }]);
    } finally {
      await m.dispose();
    }
  });
});
