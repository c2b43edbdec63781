import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startHost } from '../../electron/core/host';
import type { AppInfo } from '../../shared/domain/system';
import { describeEachDb, freshDatabase, slotAs } from '../support/db';

describeEachDb('startHost, the start-up of the window and of the browser host', (kind) => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let db: string;
  beforeEach(async () => {
    fresh = await freshDatabase(kind);
    // A SQLite file in a folder that does not exist yet: the host creates it.
    db = kind === 'sqlite' ? join(dirname(fresh.target), 'poste', 'ramed.db') : fresh.target;
  });
  afterEach(() => fresh.drop());

  it('opens and migrates the database, answers the contract, and closes it all on stop', async () => {
    const host = await startHost({ db, program: 'le test', outboxName: 'test' });
    try {
      const info = await host.core.dispatch(slotAs(), 'system.info', {});
      expect(info.ok).toBe(true);
      expect((info as { value: AppInfo }).value.schemaVersion).not.toBe('');
      if (kind === 'sqlite') expect(existsSync(db)).toBe(true);
    } finally {
      await host.stop();
    }
    await expect(host.core.deps.handle.db.selectFrom('setting').selectAll().execute()).rejects.toThrow();
  });
});
