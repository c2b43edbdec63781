import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ramed } from '../support/cli';
import { describeEachDb, freshDatabase } from '../support/db';

describeEachDb('ramed registration-requests', (kind) => {
  let db: { target: string; drop(): Promise<void> };
  beforeEach(async () => {
    db = await freshDatabase(kind);
    await ramed('init', '--db', db.target, '--facility-code', 'T01', '--facility-name', 'Test', '--level', 'cscom');
  });
  afterEach(async () => db.drop());

  it('writes the period’s requests as CSV for the social services, and asks for both days', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ramed-cli-')), 'demandes.csv');
    const written = await ramed(
      'registration-requests',
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-30',
      '--csv',
      out,
      '--db',
      db.target,
      '--json',
    );
    expect(written).toMatchObject({ code: 0, json: { fileName: 'demandes-immatriculation-2026-11-01-2026-11-30.csv' } });
    expect(readFileSync(out, 'utf8')).toMatch(/^\uFEFFN° de demande;Date de la demande;Nom;Prénoms;/);
    const listed = await ramed('registration-requests', '--from', '2026-11-01', '--to', '2026-11-30', '--db', db.target);
    expect(listed).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('0 demande(s) d’immatriculation du 2026-11-01 au 2026-11-30.'),
    });
    const missing = await ramed('registration-requests', '--from', '2026-11-01', '--db', db.target);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--to AAAA-MM-JJ/);
    const reversed = await ramed('registration-requests', '--from', '2026-11-30', '--to', '2026-11-01', '--db', db.target);
    expect(reversed.code).not.toBe(0);
    expect(reversed.stderr).toMatch(/fin précède/);
  });
});
