import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore } from '../../electron/core/app';
import { silentLogger } from '../../electron/core/logger';
import { getSetting } from '../../electron/core/settings/settings';
import { backupFixture, unwrap, type BackupFixture } from '../support/backup';
import { describeEachDb } from '../support/db';

const TOKEN = 'jeton-anam-tres-secret-4242';

describeEachDb('secret settings, stored encrypted with the key kept outside the base', (kind) => {
  let f: BackupFixture;
  beforeEach(async () => {
    f = await backupFixture({ kind });
  });
  afterEach(async () => f.dispose());
  const db = () => f.core.deps.handle.db;
  const stored = async (key: string) => (await db().selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst())?.value;

  it('anam.token: encrypted in the base, clear for the app, masked in the list and the audit', async () => {
    unwrap(await f.ramed.settings.set({ key: 'anam.token', value: TOKEN }));
    expect(await stored('anam.token')).toMatch(/^"ramed-secret:v1:[0-9a-f]{16}:[A-Za-z0-9+/=]+"$/);
    expect(await stored('anam.token')).not.toContain(TOKEN);
    expect(await getSetting(db(), 'anam.token')).toBe(TOKEN);
    const listed = unwrap(await f.ramed.settings.list({}));
    expect(listed.find((s) => s.key === 'anam.token')).toMatchObject({ value: '***', secret: true });
    const audit = await db().selectFrom('audit_log').select('summary').execute();
    expect(audit.map((r) => r.summary).join('\n')).not.toContain(TOKEN);
  });

  it('a base saved before, with the token in clear, has it sealed when it is opened', async () => {
    await db()
      .insertInto('setting')
      .values({ key: 'anam.token', value: JSON.stringify(TOKEN), updated_at: '2026-11-01T08:00:00.000Z', updated_by: 'awa' })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(TOKEN) }))
      .execute();
    const reopened = await openCore({ db: f.core.target, log: silentLogger });
    try {
      const value = await reopened.deps.handle.db
        .selectFrom('setting')
        .select('value')
        .where('key', '=', 'anam.token')
        .executeTakeFirstOrThrow();
      expect(value.value).not.toContain(TOKEN);
      expect(await getSetting(reopened.deps.handle.db, 'anam.token')).toBe(TOKEN);
    } finally {
      await reopened.close();
    }
  });

  it('refuses in French a value sealed with a key this workstation does not hold, or altered', async () => {
    await db()
      .insertInto('setting')
      .values({ key: 'anam.token', value: JSON.stringify('ramed-secret:v1:0123456789abcdef:AAAA'), updated_at: 'x', updated_by: 'awa' })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify('ramed-secret:v1:0123456789abcdef:AAAA') }))
      .execute();
    await expect(getSetting(db(), 'anam.token')).rejects.toThrow(/chiffré avec une clé absente de ce poste \(empreinte 0123456789abcdef\)/);
    // The list still answers, masked.
    expect(unwrap(await f.ramed.settings.list({})).find((s) => s.key === 'anam.token')).toMatchObject({ value: '***' });
    unwrap(await f.ramed.settings.set({ key: 'anam.token', value: TOKEN }));
    const sealed = JSON.parse((await stored('anam.token'))!) as string;
    const altered = sealed.slice(0, -6) + (sealed.at(-6) === 'A' ? 'B' : 'A') + sealed.slice(-5);
    await db()
      .updateTable('setting')
      .set({ value: JSON.stringify(altered) })
      .where('key', '=', 'anam.token')
      .execute();
    await expect(getSetting(db(), 'anam.token')).rejects.toThrow(/modifié hors de l’application/);
  });

  it.runIf(kind === 'sqlite')('a backup does not hold the token in clear', async () => {
    unwrap(await f.ramed.settings.set({ key: 'anam.token', value: TOKEN }));
    const backup = unwrap(await f.ramed.backup.create({}));
    expect(readFileSync(backup.path).includes(Buffer.from(TOKEN))).toBe(false);
  });
});
