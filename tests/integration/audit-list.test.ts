import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { newSlot } from '../../electron/core/app';
import type { SessionSlot } from '../../electron/core/context';
import { exportAudit } from '../../electron/core/audit/audit-query';
import { actingAs } from '../../electron/core/service-context';
import type { AuditPage } from '../../shared/domain/audit';
import type { GeneratedFile } from '../../shared/contract/files';
import { ramed } from '../support/cli';
import { movableClock, type MovableClock } from '../support/clock';
import { describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';

describeEachDb('the audit screen’s list', (kind) => {
  let core: TestCore;
  let clock: MovableClock;
  let admin: SessionSlot;

  beforeEach(async () => {
    clock = movableClock('2026-11-14T08:00:00.000Z');
    core = await openTestCore(kind, { clock });
    await core.dispatch(newSlot(), 'setup.create', {
      facility: { code: 'CS01', name: 'CSCOM de Test', level: 'cscom' },
      admin: { login: 'admin', fullName: 'Moussa Keïta', password: 'motdepasse1' },
    });
    // Three days of activity, 14, 15 and 16 November, by an administrator that never locks.
    admin = slotAs(['admin'], null, 'admin');
    for (let day = 0; day < 3; day++) {
      for (const minutes of [5, 6, 7]) await core.dispatch(admin, 'settings.set', { key: 'lock.inactivityMinutes', value: minutes + day });
      await core.dispatch(admin, 'users.create', { login: `agent${day}`, fullName: `Agent ${day}`, roles: ['accueil'] });
      clock.advance(24 * 60);
    }
    await core.dispatch(slotAs(['accueil'], null, 'agent0'), 'users.list', {});
  });
  afterEach(async () => core.dispose());

  async function list(filter: Record<string, unknown>): Promise<AuditPage> {
    const r = await core.dispatch(slotAs(['admin']), 'audit.list', filter);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as AuditPage;
  }

  it('pages newest first with the total of the filtered rows', async () => {
    const first = await list({ pageSize: 5 });
    expect(first.total).toBe(14);
    expect(first.rows.map((r) => r.seq)).toEqual([14, 13, 12, 11, 10]);
    const last = await list({ pageSize: 5, page: 2 });
    expect(last.rows.map((r) => r.seq)).toEqual([4, 3, 2, 1]);
    expect(last.rows.at(-1)).toMatchObject({
      method: 'setup.create',
      actorLogin: 'admin',
      outcome: 'ok',
      summary: { input: { admin: { password: '***' } } },
    });
    expect(last.rows[0]!.prevHash).toBe(last.rows[1]!.hash);
  });

  it('filters by user, entity, method, outcome and day range', async () => {
    expect((await list({ login: 'AGENT0' })).rows).toMatchObject([{ method: 'users.list', outcome: 'denied' }]);
    expect((await list({ entity: 'user' })).total).toBe(3);
    expect((await list({ entity: 'user', entityId: 'agent1' })).rows).toMatchObject([{ method: 'users.create', entityId: 'agent1' }]);
    expect((await list({ method: 'settings.set' })).total).toBe(9);
    expect((await list({ outcome: 'denied' })).total).toBe(1);
    expect((await list({ from: '2026-11-15', to: '2026-11-15' })).total).toBe(4);
    expect((await list({ from: '2026-11-15' })).total).toBe(9);
    expect((await list({ to: '2026-11-14' })).total).toBe(5);
    expect((await list({ method: 'settings.set', from: '2026-11-16', to: '2026-11-16' })).rows.map((r) => r.summary)).toEqual([
      { input: { key: 'lock.inactivityMinutes', value: '***' }, detail: { value: 9 } },
      { input: { key: 'lock.inactivityMinutes', value: '***' }, detail: { value: 8 } },
      { input: { key: 'lock.inactivityMinutes', value: '***' }, detail: { value: 7 } },
    ]);
  });

  it('refuses a page of more than 200 rows and an inverted range, in French', async () => {
    expect(await core.dispatch(admin, 'audit.list', { pageSize: 201 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { pageSize: 'Au plus 200 lignes par page' } },
    });
    expect(await core.dispatch(admin, 'audit.list', { from: '2026-11-16', to: '2026-11-15' })).toMatchObject({
      ok: false,
      error: { fields: { to: 'La date de fin précède la date de début' } },
    });
  });
});

describeEachDb('the audit exported to CSV', (kind) => {
  let core: TestCore;
  beforeEach(async () => {
    core = await openTestCore(kind, { clock: movableClock('2026-11-14T08:00:00.000Z') });
    await core.dispatch(newSlot(), 'setup.create', {
      facility: { code: 'CS01', name: 'CSCOM de Test', level: 'cscom' },
      admin: { login: 'admin', fullName: 'Moussa Keïta', password: 'motdepasse1' },
    });
    for (const login of ['awa', 'binta', 'coumba']) {
      await core.dispatch(slotAs(['admin'], null, 'admin'), 'users.create', { login, fullName: login, roles: ['accueil'] });
    }
  });
  afterEach(async () => core.dispose());

  it('holds the filtered rows oldest first with their hashes, secrets still masked', async () => {
    const r = await core.dispatch(slotAs(['admin']), 'audit.export', { method: 'users.create' });
    if (!r.ok) throw new Error(r.error.message);
    const file = r.value as GeneratedFile;
    expect(file).toMatchObject({ fileName: 'journal-audit-2026-11-14.csv', mimeType: 'text/csv' });
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFFN°;Date et heure (UTC);Utilisateur;Opération')).toBe(true);
    const rows = parse(text.slice(1), { delimiter: ';', columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => [row['N°'], row['Référence'], row['Opération']])).toEqual([
      ['2', 'awa', "Création d'un compte"],
      ['3', 'binta', "Création d'un compte"],
      ['4', 'coumba', "Création d'un compte"],
    ]);
    expect(rows[1]!['Empreinte précédente']).toBe(rows[0]!['Empreinte']);

    const all = await core.dispatch(slotAs(['admin']), 'audit.export', { from: '2026-11-14', to: '2026-11-14' });
    if (!all.ok) throw new Error(all.error.message);
    const setup = Buffer.from((all.value as GeneratedFile).base64, 'base64').toString('utf8');
    expect(setup).toContain('mot de passe : (masqué)');
    expect(setup).not.toContain('motdepasse1');
    expect((all.value as GeneratedFile).fileName).toBe('journal-audit-2026-11-14_au_2026-11-14.csv');
  });

  it('refuses more rows than the cap, saying how many matched; the desk may not export', async () => {
    await expect(exportAudit(actingAs(core.deps, 'admin'), {}, 3)).rejects.toThrow(
      '4 opérations correspondent : l’export en contient au plus 3. Réduisez la période.',
    );
    expect(await core.dispatch(slotAs(['accueil']), 'audit.export', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('is written to a file by `ramed audit export`', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'audit-')), 'journal.csv');
    const r = await ramed('audit', 'export', '--out', out, '--login', 'admin', '--db', core.target);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4 opération(s)');
    expect(readFileSync(out, 'utf8').split('\n').filter(Boolean)).toHaveLength(5);
  });
});

describeEachDb('ramed audit verify on a tampered database', (kind) => {
  let core: TestCore;
  beforeEach(async () => {
    core = await openTestCore(kind);
  });
  afterEach(async () => core.dispose());

  it('exits 0 on an intact chain, then 1 naming the first row edited behind its back', async () => {
    await core.dispatch(newSlot(), 'setup.create', {
      facility: { code: 'CS01', name: 'CSCOM de Test', level: 'cscom' },
      admin: { login: 'admin', fullName: 'Moussa Keïta', password: 'motdepasse1' },
    });
    for (const login of ['awa', 'binta', 'coumba']) {
      await core.dispatch(slotAs(['admin']), 'users.create', { login, fullName: login, roles: ['accueil'] });
    }
    expect(await ramed('audit', 'verify', '--db', core.target, '--json')).toMatchObject({ code: 0, json: { ok: true, rows: 4 } });
    await sql`update audit_log set entity_id = 'bintou' where seq = 3`.execute(core.deps.handle.db);
    const broken = await ramed('audit', 'verify', '--db', core.target);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('ALTÉRÉ à la ligne n° 3');
  });
});
