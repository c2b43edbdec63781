import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createUser } from '../../electron/core/auth/users';
import { actingAs } from '../../electron/core/service-context';
import { setSetting } from '../../electron/core/settings/settings';
import type { Client } from '../../shared/contract/client';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { insertPersons, somePerson } from '../support/persons';
import { TEST_MEDICINES } from '../support/pharmacy';
import { registerCsv, setFacility, TEST_TARIFFS } from '../support/reference';

describeEachDb('facility onboarding', (kind) => {
  let core: TestCore;
  let admin: Client;
  beforeEach(async () => {
    core = await openTestCore(kind);
    await setFacility(core, 'cscom');
    admin = clientFor(core, slotAs(['admin']));
  });
  afterEach(async () => core.dispose());

  const states = async () => {
    const r = await admin.facility.onboarding({});
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  it('starts with everything to do, and says why in plain words', async () => {
    const view = await states();
    expect(view.demo).toBe(false);
    expect(view.items.map((i) => [i.key, i.done])).toEqual([
      ['registry', false],
      ['tariffs', false],
      ['medicines', false],
      ['users', false],
      ['backup', false],
      ['anam', false],
    ]);
    expect(view.items.find((i) => i.key === 'backup')!.detail).toMatch(/Aucun dossier choisi/);
    expect(view.items.find((i) => i.key === 'users')!.detail).toBe('Aucun compte actif pour : accueil, pharmacie, gestionnaire.');
  });

  it('marks each item done as it is done, and warns about the example files in a real facility', async () => {
    const db = core.deps.handle.db;
    const asAdmin = actingAs(core.deps, 'admin');
    await insertPersons(db, [somePerson(1)]);
    const tariffs = await admin.tariffs.import({ file: registerCsv(core, TEST_TARIFFS, 'exemple-illustratif-tarifs.csv') });
    const medicines = await admin.medicines.import({ file: registerCsv(core, TEST_MEDICINES, 'medicaments-anam-2026.csv') });
    expect(tariffs.ok && medicines.ok).toBe(true);
    // Said at once, on the import's report, too.
    expect(tariffs.ok && tariffs.value.warnings).toEqual([
      expect.stringMatching(/« exemple-illustratif-tarifs\.csv » est un fichier d’exemple/),
    ]);
    expect(medicines.ok && medicines.value.warnings).toEqual([]);
    for (const [login, role] of [
      ['awa', 'accueil'],
      ['boubacar', 'pharmacie'],
      ['fatou', 'gestionnaire'],
    ] as const) {
      await createUser(asAdmin, {
        login,
        fullName: login,
        roles: [role],
        password: 'motdepasse-long-1',
        mustChangePassword: true,
      });
    }
    const folder = mkdtempSync(join(tmpdir(), 'ramed-backups-'));
    await setSetting(asAdmin, { key: 'backup.folder', value: folder });
    await setSetting(asAdmin, { key: 'anam.endpoint', value: 'https://anam.example.ml/fhir' });

    const view = await states();
    expect(view.items.every((i) => i.done)).toBe(true);
    const byKey = Object.fromEntries(view.items.map((i) => [i.key, i]));
    expect(byKey.tariffs!.warning).toMatch(/fichier d’exemple « exemple-illustratif-tarifs\.csv » : données fictives/);
    expect(byKey.medicines!.warning).toBeNull();
    expect(byKey.backup!.detail).toContain(folder);

    // The demonstration expects its example files: no warning there.
    await db.updateTable('facility').set({ code: 'DEMO01' }).execute();
    const demo = await states();
    expect(demo.demo).toBe(true);
    expect(demo.items.every((i) => i.warning === null)).toBe(true);
  });
});
