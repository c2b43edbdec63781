import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemClock } from '../../electron/core/clock';
import { ramed } from '../support/cli';
import { describeEachDb, preparedDatabase, type TestDbKind } from '../support/db';
import { HOUSEHOLD, tempFolder } from '../support/registry-files';
import { registryCsv } from '../support/registry-generator';

describeEachDb('ramed registry commands', (kind: TestDbKind) => {
  let db: { target: string; drop(): Promise<void> };
  let files: ReturnType<typeof tempFolder>;
  beforeEach(async () => {
    db = await preparedDatabase(kind);
    files = tempFolder();
  });
  afterEach(async () => {
    files.cleanup();
    await db.drop();
  });

  it('import-registry answers the counts and the rejected lines (JSON), then French text', async () => {
    const text = `${registryCsv(HOUSEHOLD)}1111234567899;Traoré;Awa;F;1990;enfant;;;;;;;;;;;;\n#FIN;6\n`;
    const path = files.write('registre.csv', text);
    const first = await ramed('import-registry', path, '--db', db.target, '--json');
    expect(first.code).toBe(0);
    expect(first.json).toMatchObject({
      inserted: 5,
      updated: 0,
      unchanged: 0,
      struckOff: 0,
      rejected: [{ line: 7, reason: 'Titulaire manquant : un enfant doit indiquer le récépissé de son titulaire (recepisse_titulaire).' }],
    });
    const again = await ramed('import-registry', path, '--mode', 'full', '--db', db.target);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 nouvelle(s) personne(s), 0 modifiée(s), 5 inchangée(s), 0 radiée(s), 1 ligne(s) rejetée(s).');
    expect(again.stdout).toContain('ligne 7 : Titulaire manquant');
  });

  it('import-registry --dry-run says what would change; a mass strike-off needs --force', async () => {
    expect((await ramed('import-registry', files.write('tout.csv', registryCsv(HOUSEHOLD)), '--db', db.target)).code).toBe(0);
    const oneLine = files.write(
      'une-ligne.csv',
      `#RAMED;extraction=2026-11-20;sequence=7\n${registryCsv(HOUSEHOLD.slice(0, 1), ';', { trailer: true })}`,
    );
    const refused = await ramed('import-registry', oneLine, '--mode', 'full', '--db', db.target);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('radierait 4 personne(s) sur 5 (80 %)');
    const tried = await ramed('import-registry', oneLine, '--mode', 'full', '--dry-run', '--db', db.target);
    expect(tried.code).toBe(0);
    expect(tried.stdout).toContain('Essai à blanc, rien n’a été modifié');
    expect(tried.stdout).toContain('Mise à jour n° 7 extraite le 20/11/2026.');
    expect(tried.stdout).toContain('0 nouvelle(s) personne(s), 0 modifiée(s), 1 inchangée(s), 4 radiée(s)');
    expect((await ramed('search', 'traore', '--db', db.target, '--json')).json).toHaveLength(3);
    const forced = await ramed('import-registry', oneLine, '--mode', 'full', '--force', '--db', db.target, '--json');
    expect(forced.code).toBe(0);
    expect(forced.json).toMatchObject({ struckOff: 4, unchanged: 1, dryRun: false, sequence: 7, extractDate: '2026-11-20' });
    const older = files.write('ancien.csv', `#RAMED;extraction=2026-11-10;sequence=6\n${registryCsv(HOUSEHOLD)}`);
    const stale = await ramed('import-registry', older, '--db', db.target);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('plus ancienne que la dernière appliquée (n° 7 du 20/11/2026)');
  });

  it('lists every rejected line in JSON, however many', async () => {
    const bad = Array.from({ length: 1200 }, (_, i) => `${3000000000000 + i};Traoré;Awa;F;1990;enfant;;;;;;;;;;;`);
    const path = files.write('sale.csv', `${registryCsv([]).trim()}\n${bad.join('\n')}\n`);
    const result = await ramed('import-registry', path, '--db', db.target, '--json');
    expect(result.code).toBe(0);
    const rejected = (result.json as { rejected: Array<{ line: number }> }).rejected;
    expect(rejected).toHaveLength(1200);
    expect(rejected.at(-1)).toMatchObject({ line: 1201 });
  });

  it.each([
    [['import-registry', '/nonexistent/registre.csv'], /Fichier introuvable/],
    [['import-registry', 'x.csv', '--mode', 'tout'], /--mode attend full/],
    [['check', '1111 2345'], /13 chiffres attendus \(8 saisis\)/],
    [['check', '1111234567890', '--date', '16/11/2026'], /--date attend une date AAAA-MM-JJ/],
    [['search', 'traore', '--limit', '500'], /--limit attend un nombre entier entre 1 et 100/],
    [['search', 'a'], /au moins 2 lettres/],
  ])('exits 2 with a French message on bad input: %j', async (argv, message) => {
    const result = await ramed(...argv, '--db', db.target);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('strict mode refuses a bad file with exit 2 and changes nothing', async () => {
    const path = files.write('registre.csv', `${registryCsv(HOUSEHOLD)}123;Traoré;Awa;F;1990;titulaire;;;;;2024-01-01;2026-12-31;;;;;;\n`);
    const result = await ramed('import-registry', path, '--strict', '--db', db.target, '--json');
    expect(result.code).toBe(2);
    expect(result.json).toMatchObject({
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('ligne 7 : Récépissé invalide « 123 »') },
    });
    expect((await ramed('search', 'traore', '--db', db.target, '--json')).json).toEqual([]);
  });

  it('check answers the eligibility (exit 0) or the reasons (exit 1), in JSON and in French', async () => {
    await ramed('import-registry', files.write('registre.csv', registryCsv(HOUSEHOLD)), '--db', db.target);
    const ok = await ramed('check', '1111-2345-67891', '--date', '2026-11-16', '--db', db.target, '--json');
    expect(ok.code).toBe(0);
    expect(ok.json).toMatchObject({
      eligible: true,
      reasons: [],
      warnings: expect.any(Array),
      person: { recepisse: '1111234567891', givenNames: 'Aïssata' },
      holder: { recepisse: '1111234567890' },
    });
    const child = await ramed('check', '1111234567892', '--date', '2026-11-16', '--db', db.target);
    expect(child.code).toBe(1);
    expect(child.stdout).toContain('NON ÉLIGIBLE le 16/11/2026');
    expect(child.stdout).toContain('Personne : TRAORÉ Fatoumata — récépissé 1111 2345 67892 — Enfant, née le 01/06/2011');
    expect(child.stdout).toContain('Motif : Enfant de 14 à 21 ans non scolarisé');
    const unknown = await ramed('check', '9999999999999', '--db', db.target, '--json');
    expect(unknown).toMatchObject({ code: 1, json: { eligible: false, reasons: ['NOT_FOUND'], person: null, holder: null } });
  });

  it('search answers persons (JSON array) and a French list', async () => {
    // `search` judges eligibility on the app's day (RAMED_TODAY or the machine's): validity runs past it.
    const until = `${systemClock.now().getUTCFullYear() + 2}-12-31`;
    const household = HOUSEHOLD.map((p) => (p.fin_validite ? { ...p, fin_validite: until } : p));
    await ramed('import-registry', files.write('registre.csv', registryCsv(household)), '--db', db.target);
    const found = await ramed('search', 'TRAORE seyd', '--db', db.target, '--json');
    expect(found).toMatchObject({ code: 0, json: [{ recepisse: '1111234567893', familyName: 'Traoré', eligibility: { eligible: true } }] });
    const limited = await ramed('search', 'traore', '--limit', '2', '--db', db.target, '--json');
    expect(limited.json).toHaveLength(2);
    const text = await ramed('search', 'keita', '--db', db.target);
    expect(text.stdout).toContain('1 personne(s) :');
    expect(text.stdout).toContain('2222 0000 00001  KEÏTA Bréhima, M, né vers 1960, Admis de droit');
    expect((await ramed('search', 'personne', '--db', db.target)).stdout).toContain('Aucune personne trouvée.');
  });
});
