import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ramed } from '../support/cli';
import { describeEachDb, freshDatabase } from '../support/db';
import { TARIFF_HEADER } from '../support/reference';

const RESOURCES = join(import.meta.dirname, '../../resources');

describeEachDb('ramed import-tariffs, import-medicines', (kind) => {
  let db: { target: string; drop(): Promise<void> };
  beforeEach(async () => {
    db = await freshDatabase(kind);
    await ramed('init', '--db', db.target, '--facility-code', 'T01', '--facility-name', 'Test', '--level', 'cscom');
  });
  afterEach(async () => db.drop());

  it('imports the samples (JSON counts), then finds them already recorded', async () => {
    const tariffs = join(RESOURCES, 'exemple-illustratif-tarifs.csv');
    const first = await ramed('import-tariffs', tariffs, '--db', db.target, '--json');
    expect(first).toMatchObject({ code: 0, json: { applied: true, unchanged: 0, closed: 0, rejected: [] } });
    const again = await ramed('import-tariffs', tariffs, '--db', db.target);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 nouvelle\(s\) version\(s\), \d+ déjà enregistrée\(s\)/);
    const medicines = await ramed('import-medicines', join(RESOURCES, 'exemple-illustratif-medicaments.csv'), '--db', db.target, '--json');
    expect(medicines).toMatchObject({ code: 0, json: { applied: true, inserted: 34 } });
  });

  it('exits 2 with the line errors on a bad file, and on a missing file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ramed-cli-')), 'tarifs.csv');
    writeFileSync(file, `${TARIFF_HEADER}\nCS-CUR;Consultation;consultation;cscom;cinq cents;2024-01-01;;;;;\n`);
    const bad = await ramed('import-tariffs', file, '--db', db.target, '--json');
    expect(bad).toMatchObject({
      code: 2,
      json: { applied: false, inserted: 0, rejected: [{ line: 2, reason: expect.stringMatching(/prix/) }] },
    });
    const text = await ramed('import-tariffs', file, '--db', db.target);
    expect(text.stdout).toMatch(/Fichier refusé : 1 ligne\(s\) à corriger\. Rien n’a été importé\.\n {2}ligne 2 : prix « cinq cents »/);
    const missing = await ramed('import-medicines', '/nonexistent/medicaments.csv', '--db', db.target);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Fichier introuvable/);
  });

  it('verifies the ANAM signature given by --signature once a key is set; refuses an unsigned list (exit 1)', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const key = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64');
    expect((await ramed('settings', 'set', 'anam.publicKey', key, '--db', db.target)).code).toBe(0);
    const tariffs = join(RESOURCES, 'exemple-illustratif-tarifs.csv');
    const unsigned = await ramed('import-tariffs', tariffs, '--db', db.target);
    expect(unsigned.code).toBe(1);
    expect(unsigned.stderr).toMatch(/pas signé/);
    const sig = join(mkdtempSync(join(tmpdir(), 'ramed-cli-')), 'tarifs.sig');
    writeFileSync(sig, sign(null, readFileSync(tariffs), privateKey).toString('base64'));
    const signed = await ramed('import-tariffs', tariffs, '--signature', sig, '--db', db.target);
    expect(signed.code).toBe(0);
    expect(signed.stdout).toMatch(/Signature : Signature ANAM valide\./);
  });
});
