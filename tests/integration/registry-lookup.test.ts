import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/app';
import { RANKED_MATCHES } from '../../electron/core/db/name-search';
import { silentLogger } from '../../electron/core/logger';
import type { Client } from '../../shared/contract/client';
import { fixedClock } from '../../electron/core/clock';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { insertPersons } from '../support/persons';
import { fileRef, HOUSEHOLD, tempFolder } from '../support/registry-files';
import { registryCsv, type RegistryRecord } from '../support/registry-generator';

const person = (recepisse: string, nom: string, prenoms: string, over: Partial<RegistryRecord> = {}): Partial<RegistryRecord> => ({
  recepisse,
  nom,
  prenoms,
  sexe: 'M',
  date_naissance: '1980',
  qualite: 'titulaire',
  debut_validite: '2024-01-01',
  fin_validite: '2026-12-31',
  ...over,
});

/** Names that look alike, to show accents, case, word order and prefixes do not matter. */
const NAMESAKES = [
  person('3000000000001', 'Traoré', 'Awa', { sexe: 'F' }),
  person('3000000000002', 'Traore', 'Awa Kadidia', { sexe: 'F' }),
  person('3000000000003', 'Traoré', 'Awaou', { sexe: 'F' }),
  person('3000000000004', 'Touré', 'Awa', { sexe: 'F' }),
  person('3000000000005', "N'Diaye", 'Mamadou'),
  person('3000000000006', 'Keita', 'Brehima', { statut: 'suspendu' }),
];

describeEachDb('registry lookup', (kind) => {
  let core: TestCore;
  let accueil: Client;
  const names = (result: { ok: boolean; value?: Array<{ familyName: string; givenNames: string }> }) =>
    result.ok ? result.value!.map((p) => `${p.familyName} ${p.givenNames}`) : result;

  beforeAll(async () => {
    core = await openTestCore(kind);
    accueil = clientFor(core, slotAs(['accueil']));
    const files = tempFolder();
    const path = files.write('registre.csv', registryCsv([...HOUSEHOLD, ...NAMESAKES]));
    const imported = await clientFor(core, slotAs(['admin'])).registry.import({ file: fileRef(core, path) });
    expect(imported).toMatchObject({ ok: true, value: { inserted: 11 } });
    files.cleanup();
  });
  afterAll(async () => core.dispose());

  it('checks a récépissé typed with spaces, dots or dashes', async () => {
    const result = await accueil.registry.check({ recepisse: '1111 2345.678-90' });
    expect(result).toMatchObject({
      ok: true,
      value: {
        eligible: true,
        reasons: [],
        warnings: [],
        date: '2026-11-16',
        person: { recepisse: '1111234567890', familyName: 'Traoré', quality: 'titulaire', birthYearOnly: true, nina: '12345678901234A' },
        holder: null,
      },
    });
  });

  it('answers a dependant with their titulaire, and each rule with its code', async () => {
    expect(await accueil.registry.check({ recepisse: '1111234567891' })).toMatchObject({
      ok: true,
      value: { eligible: true, person: { givenNames: 'Aïssata' }, holder: { recepisse: '1111234567890' } },
    });
    expect(await accueil.registry.check({ recepisse: '1111234567892' })).toMatchObject({
      ok: true,
      value: { eligible: false, reasons: ['CHILD_NOT_IN_SCHOOL'], age: 15 },
    });
    expect(await accueil.registry.check({ recepisse: '1111234567893' })).toMatchObject({ ok: true, value: { eligible: true, age: 15 } });
    expect(await accueil.registry.check({ recepisse: '3000000000006' })).toMatchObject({ ok: true, value: { reasons: ['SUSPENDED'] } });
    expect(await accueil.registry.check({ recepisse: '9999999999999' })).toEqual({
      ok: true,
      value: expect.objectContaining({ eligible: false, reasons: ['NOT_FOUND'], person: null, holder: null }),
    });
  });

  it('checks on another day: expiry, near expiry, a stale registry', async () => {
    expect(await accueil.registry.check({ recepisse: '1111234567891', date: '2027-01-05' })).toMatchObject({
      ok: true,
      value: { eligible: false, reasons: ['HOLDER_NOT_ELIGIBLE'], holderReasons: ['EXPIRED'], warnings: ['REGISTRY_STALE'] },
    });
    expect(await accueil.registry.check({ recepisse: '1111234567890', date: '2026-12-20' })).toMatchObject({
      ok: true,
      value: { eligible: true, warnings: ['NEAR_EXPIRY'] },
    });
    expect(await accueil.registry.check({ recepisse: '2222000000001', date: '2027-02-01' })).toMatchObject({
      ok: true,
      value: { eligible: true, warnings: ['REGISTRY_STALE'] },
    });
  });

  it('explains a wrong récépissé next to the field', async () => {
    expect(await accueil.registry.check({ recepisse: '1111 2345' })).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Données invalides (champ « recepisse ») : Récépissé invalide « 1111 2345 » : 13 chiffres attendus (8 saisis).',
        fields: { recepisse: 'Récépissé invalide « 1111 2345 » : 13 chiffres attendus (8 saisis).' },
      },
    });
  });

  it('follows at the next check the settings another workstation changes', async () => {
    const other = await openCore({ db: core.target, clock: fixedClock('2026-11-16T09:31:00.000Z'), log: silentLogger });
    const admin = clientFor(other, slotAs(['admin']));
    const check = async (date: string) => {
      const result = await accueil.registry.check({ recepisse: '1111234567890', date });
      return result.ok ? result.value.warnings : result;
    };
    try {
      expect(await check('2026-12-20')).toEqual(['NEAR_EXPIRY']);
      expect(await admin.settings.update({ values: { 'eligibility.nearExpiryDays': 5, 'registry.freshnessDays': 2 } })).toMatchObject({
        ok: true,
      });
      expect(await check('2026-12-20')).toEqual(['REGISTRY_STALE']);
      expect(await check('2026-11-18')).toEqual([]);
    } finally {
      await admin.settings.update({ values: { 'eligibility.nearExpiryDays': 30, 'registry.freshnessDays': 45 } });
      await other.close();
    }
    expect(await check('2026-12-20')).toEqual(['NEAR_EXPIRY']);
  });

  it('finds by NINA as given, spacing and case aside', async () => {
    expect(names(await accueil.registry.byNina({ nina: ' 12345678901234a ' }))).toEqual(['Traoré Moussa']);
    expect(names(await accueil.registry.byNina({ nina: '000' }))).toEqual([]);
  });

  it.each([
    ['traoré awa', ['Traoré Awa', 'Traore Awa Kadidia', 'Traoré Awaou']],
    ['AWA TRAORE', ['Traoré Awa', 'Traore Awa Kadidia', 'Traoré Awaou']],
    ['tra aw', ['Traoré Awa', 'Traore Awa Kadidia', 'Traoré Awaou']],
    ['awaou', ['Traoré Awaou']],
    ['toure', ['Touré Awa']],
    ['aissata', ['Diarra Aïssata']],
    ['keïta bréhima', ['Keïta Bréhima', 'Keita Brehima']],
    ['ndiaye', []],
    ["n'diaye mam", ["N'Diaye Mamadou"]],
    ['diaye', ["N'Diaye Mamadou"]],
    ['zzz', []],
  ])('searches names without accents, case or word order: %s', async (text, expected) => {
    const result = names(await accueil.registry.search({ text }));
    expect(Array.isArray(result) ? [...result].sort() : result).toEqual([...expected].sort());
  });

  it('ranks names typed in full first, shorter names before longer ones, and limits', async () => {
    const ranked = names(await accueil.registry.search({ text: 'traore awa' }));
    expect(ranked).toEqual(['Traoré Awa', 'Traore Awa Kadidia', 'Traoré Awaou']);
    expect(names(await accueil.registry.search({ text: 'traore awa', limit: 2 }))).toEqual(['Traoré Awa', 'Traore Awa Kadidia']);
    expect(names(await accueil.registry.search({ text: 'traore aw', limit: 1 }))).toHaveLength(1);
  });

  it('gives each match its eligibility on the day', async () => {
    const result = await accueil.registry.search({ text: 'traore fatoumata' });
    expect(result).toMatchObject({
      ok: true,
      value: [{ recepisse: '1111234567892', eligibility: { eligible: false, reasons: ['CHILD_NOT_IN_SCHOOL'] } }],
    });
  });

  it('asks for at least 2 letters', async () => {
    expect(await accueil.registry.search({ text: 'a' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { text: 'Tapez au moins 2 lettres du nom' } },
    });
    expect(await accueil.registry.search({ text: 'a b' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('shows a household from any of its members, each with their eligibility', async () => {
    const household = await accueil.registry.household({ recepisse: '1111234567893' });
    expect(household).toMatchObject({
      ok: true,
      value: {
        date: '2026-11-16',
        holderRecepisse: '1111234567890',
        holder: { person: { givenNames: 'Moussa' }, eligibility: { eligible: true } },
        spouses: [{ person: { givenNames: 'Aïssata' }, eligibility: { eligible: true } }],
        children: [
          { person: { givenNames: 'Fatoumata' }, eligibility: { eligible: false, reasons: ['CHILD_NOT_IN_SCHOOL'] } },
          { person: { givenNames: 'Seydou' }, eligibility: { eligible: true } },
        ],
      },
    });
    const later = await accueil.registry.household({ recepisse: '1111234567890', date: '2027-01-01' });
    expect(later.ok && later.value.spouses[0]!.eligibility.reasons).toEqual(['HOLDER_NOT_ELIGIBLE']);
    const alone = await accueil.registry.household({ recepisse: '2222000000001' });
    expect(alone).toMatchObject({ ok: true, value: { holder: { person: { quality: 'admis_de_droit' } }, spouses: [], children: [] } });
    expect(await accueil.registry.household({ recepisse: '9999999999999' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Aucune personne n’a le récépissé 9999 9999 99999 dans le registre.' },
    });
  });

  it('is open to reception, management and administration, not to the pharmacy', async () => {
    const pharmacie = clientFor(core, slotAs(['pharmacie']));
    expect(await pharmacie.registry.check({ recepisse: '1111234567890' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await pharmacie.registry.search({ text: 'traore' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await accueil.registry.imports({})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const gestionnaire = clientFor(core, slotAs(['gestionnaire']));
    expect(await gestionnaire.registry.check({ recepisse: '1111234567890' })).toMatchObject({ ok: true });
    expect(await gestionnaire.registry.imports({})).toMatchObject({ ok: true, value: { persons: 11 } });
  });
});

describe('name search on a large registry (SQLite)', () => {
  let core: TestCore;
  beforeAll(async () => {
    core = await openTestCore('sqlite');
  });
  afterAll(async () => core.dispose());

  it(`ranks every match up to ${RANKED_MATCHES}, past that only the first ${RANKED_MATCHES} in registry order`, async () => {
    const db = core.deps.handle.db;
    let n = 4000000000000;
    /** `longer` persons named « family given Kadiatou », then one named « family given », in this order. */
    const namesakes = (longer: number, family: string, given: string) =>
      insertPersons(db, [
        ...Array.from({ length: longer }, () => ({ recepisse: String(n++), family_name: family, given_names: `${given} Kadiatou` })),
        { recepisse: String(n++), family_name: family, given_names: given },
      ]);
    await namesakes(RANKED_MATCHES - 1, 'Sangaré', 'Oumou');
    await namesakes(RANKED_MATCHES, 'Diakité', 'Salimata');
    const accueil = clientFor(core, slotAs(['accueil']));
    const best = async (text: string) => {
      const result = await accueil.registry.search({ text, limit: 1 });
      return result.ok ? result.value.map((p) => p.givenNames) : result;
    };
    expect(await best('sangare oumou')).toEqual(['Oumou']);
    expect(await best('diakite salimata')).toEqual(['Salimata Kadiatou']);
  });
});
