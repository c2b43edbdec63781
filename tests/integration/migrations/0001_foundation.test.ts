import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';

describeEachDb('migration 0001_foundation', (kind) => {
  it('creates the facility, settings, users and an empty audit chain', async () => {
    const m = await databaseAt(kind, '0001_foundation');
    try {
      expect(await m.db.selectFrom('audit_head').selectAll().execute()).toEqual([{ id: 1, seq: 0, hash: '0'.repeat(64) }]);
      await m.db.insertInto('facility').values({ id: 1, code: 'A', name: 'A', level: 'cscom', created_at: 'x', updated_at: 'x' }).execute();
      await expect(
        m.db.insertInto('facility').values({ id: 2, code: 'B', name: 'B', level: 'cscom', created_at: 'x', updated_at: 'x' }).execute(),
      ).rejects.toThrow();
      await expect(m.db.updateTable('facility').set({ level: 'clinique' }).where('id', '=', 1).execute()).rejects.toThrow();
    } finally {
      await m.dispose();
    }
  });
});
