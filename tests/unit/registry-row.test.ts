import { describe, expect, it } from 'vitest';
import { checkHeader, checkRow, FILE_COLUMNS, parseFileDate, type FileHeader } from '../../electron/core/registry/registry-row';
import { normalizeRecepisse } from '../../shared/domain/registry';

const header = (checkHeader([...FILE_COLUMNS], 'point-virgule') as { ok: true; header: FileHeader }).header;
const TODAY = '2026-11-16';

const titulaire: Record<string, string> = {
  recepisse: '1111234567890',
  nom: 'Traoré',
  prenoms: 'Awa',
  sexe: 'F',
  date_naissance: '1980-05-10',
  qualite: 'titulaire',
  debut_validite: '2024-01-01',
  fin_validite: '2026-12-31',
};
const fields = (over: Record<string, string>) => FILE_COLUMNS.map((c) => ({ ...titulaire, ...over })[c] ?? '');
const enfant = {
  qualite: 'enfant',
  recepisse: '1111234567891',
  recepisse_titulaire: '1111234567890',
  debut_validite: '',
  fin_validite: '',
};

describe('registry file header', () => {
  it('matches column names in any order, case and accents aside, and warns about unknown ones', () => {
    const result = checkHeader(['Prénoms', ' NOM ', 'Récépissé', 'sexe', 'date_naissance', 'Qualité', 'profession'], 'point-virgule');
    expect(result).toEqual({
      ok: true,
      header: {
        index: { prenoms: 0, nom: 1, recepisse: 2, sexe: 3, date_naissance: 4, qualite: 5 },
        width: 7,
        warnings: ['Colonne(s) inconnue(s) ignorée(s) : profession.'],
      },
    });
  });

  it.each([
    [['recepisse', 'nom', 'prenoms'], /colonne\(s\) obligatoire\(s\) absente\(s\) : sexe, date_naissance, qualite/],
    [['recepisse;nom;prenoms;sexe;date_naissance;qualite'], /absente\(s\) : recepisse, nom, prenoms/],
    [['recepisse', 'nom', 'nom', 'prenoms', 'sexe', 'date_naissance', 'qualite'], /« nom » apparaît deux fois/],
  ])('refuses a wrong header %j', (names, message) => {
    const result = checkHeader(names, 'virgule');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});

describe('registry file rows', () => {
  it('reads a valid titulaire into database columns', () => {
    expect(checkRow(fields({ nina: ' 12345 678 ', telephone: '+223 76 12 34 56', statut: 'Actif' }), header, TODAY)).toEqual({
      ok: true,
      row: {
        recepisse: '1111234567890',
        family_name: 'Traoré',
        given_names: 'Awa',
        sex: 'F',
        birth_date: '1980-05-10',
        birth_year_only: 0,
        quality: 'titulaire',
        holder_recepisse: null,
        category: null,
        in_school: 0,
        disabled: 0,
        valid_from: '2024-01-01',
        valid_to: '2026-12-31',
        status: 'actif',
        nina: '12345 678',
        commune_code: null,
        commune: null,
        phone: '+223 76 12 34 56',
      },
      statusDate: null,
    });
  });

  it.each([
    ['2026-11-25', '2026-11-25'],
    ['25/11/2026', '2026-11-25'],
  ])('reads the status date %s as the day the version takes effect', (raw, day) => {
    expect(checkRow(fields({ date_statut: raw }), header, TODAY)).toMatchObject({ ok: true, statusDate: day });
  });

  it('rejects a status date that is not a day', () => {
    expect(checkRow(fields({ date_statut: '2026-02-30' }), header, TODAY)).toMatchObject({
      ok: false,
      reason: 'Date de statut invalide « 2026-02-30 » : AAAA-MM-JJ ou JJ/MM/AAAA attendu.',
    });
  });

  it.each([
    ['récépissé with spaces', { recepisse: '1111 2345 67890' }, { recepisse: '1111234567890' }],
    ['récépissé with dots and dashes', { recepisse: '1111.2345-67890' }, { recepisse: '1111234567890' }],
    [
      'DD/MM/YYYY dates',
      { date_naissance: '10/05/1980', debut_validite: '01/01/2024' },
      { birth_date: '1980-05-10', valid_from: '2024-01-01' },
    ],
    ['a birth year alone', { date_naissance: '1975' }, { birth_date: '1975-01-01', birth_year_only: 1 }],
    ['status with an accent', { statut: 'Radié' }, { status: 'radie' }],
    ['lower-case sex', { sexe: 'm' }, { sex: 'M' }],
    [
      'admis de droit with a category',
      { qualite: 'Admis de droit', categorie: 'Sans domicile' },
      { quality: 'admis_de_droit', category: 'sans_domicile' },
    ],
    [
      'a child in school, oui/non',
      { ...enfant, scolarise: 'oui', handicap: 'non' },
      { quality: 'enfant', in_school: 1, disabled: 0, holder_recepisse: '1111234567890', valid_from: null },
    ],
  ])('accepts %s', (_name, over, expected) => {
    const result = checkRow(fields(over), header, TODAY);
    expect(result.ok).toBe(true);
    expect(result.ok && result.row).toMatchObject(expected);
  });

  it.each([
    ['a 12-digit récépissé', { recepisse: '111123456789' }, 'Récépissé invalide « 111123456789 » : 13 chiffres attendus (12 saisis).'],
    [
      'letters in the récépissé',
      { recepisse: '11112345678AB' },
      'Récépissé invalide « 11112345678AB » : 13 chiffres attendus, sans lettres.',
    ],
    ['no récépissé', { recepisse: '' }, 'Récépissé manquant.'],
    ['no family name', { nom: ' ' }, 'Nom manquant.'],
    ['sex X', { sexe: 'X' }, 'Sexe invalide « X » : M ou F attendu.'],
    [
      '31 February',
      { date_naissance: '31/02/1990' },
      'Date de naissance invalide « 31/02/1990 » : AAAA-MM-JJ, JJ/MM/AAAA ou AAAA (année seule) attendu.',
    ],
    [
      'a month 13',
      { date_naissance: '1990-13-01' },
      'Date de naissance invalide « 1990-13-01 » : AAAA-MM-JJ, JJ/MM/AAAA ou AAAA (année seule) attendu.',
    ],
    ['a birth in the future', { date_naissance: '2027-01-01' }, 'Date de naissance dans le futur « 2027-01-01 ».'],
    ['an unknown quality', { qualite: 'cousin' }, 'Qualité inconnue « cousin » : titulaire, conjoint, enfant ou admis_de_droit attendu.'],
    [
      'a child without holder',
      { ...enfant, recepisse_titulaire: '' },
      'Titulaire manquant : un enfant doit indiquer le récépissé de son titulaire (recepisse_titulaire).',
    ],
    [
      'a spouse without holder',
      { ...enfant, qualite: 'conjoint', recepisse_titulaire: '' },
      'Titulaire manquant : un conjoint doit indiquer le récépissé de son titulaire (recepisse_titulaire).',
    ],
    [
      'a bad holder récépissé',
      { ...enfant, recepisse_titulaire: '123' },
      'Récépissé du titulaire invalide : Récépissé invalide « 123 » : 13 chiffres attendus (3 saisis).',
    ],
    [
      'a child who is their own holder',
      { ...enfant, recepisse_titulaire: '1111234567891' },
      'Le récépissé du titulaire est celui de la personne elle-même.',
    ],
    ['a titulaire without validity', { debut_validite: '' }, 'Début de validité manquant : obligatoire pour un titulaire.'],
    [
      'an admis de droit without end of validity',
      { qualite: 'admis_de_droit', fin_validite: '' },
      'Fin de validité manquant : obligatoire pour un admis de droit.',
    ],
    ['a validity year alone', { fin_validite: '2026' }, 'Fin de validité invalide « 2026 » : AAAA-MM-JJ ou JJ/MM/AAAA attendu.'],
    [
      'a validity ending before it starts',
      { fin_validite: '2023-12-31' },
      'Fin de validité (2023-12-31) antérieure au début (2024-01-01).',
    ],
    ['scolarise 2', { ...enfant, scolarise: '2' }, 'Valeur de scolarise invalide « 2 » : 1, 0, oui ou non attendu.'],
    ['an unknown status', { statut: 'décédé' }, 'Statut inconnu « décédé » : actif, suspendu ou radie attendu.'],
  ])('rejects %s with a French reason', (_name, over, reason) => {
    const result = checkRow(fields(over), header, TODAY);
    expect(result).toMatchObject({ ok: false, reason });
  });

  it('rejects a row with the wrong number of columns, keeping its récépissé', () => {
    expect(checkRow(fields({}).slice(0, 10), header, TODAY)).toEqual({
      ok: false,
      reason: 'Nombre de colonnes incorrect : 10 au lieu de 18 (séparateur ou guillemets à vérifier).',
      recepisse: '1111234567890',
    });
  });
});

describe('dates and récépissés', () => {
  it.each([
    ['2024-02-29', true, { date: '2024-02-29', yearOnly: false }],
    ['29/02/2024', false, { date: '2024-02-29', yearOnly: false }],
    ['1/3/2024', false, { date: '2024-03-01', yearOnly: false }],
    ['2023-02-29', true, null],
    ['1975', true, { date: '1975-01-01', yearOnly: true }],
    ['1975', false, null],
    ['1850', true, null],
    ['vers 1975', true, null],
  ])('parseFileDate(%s, year alone %s)', (text, yearOnly, expected) => {
    expect(parseFileDate(text, yearOnly)).toEqual(expected);
  });

  it('normalizes a récépissé typed or scanned', () => {
    expect(normalizeRecepisse(' 1111-2345.678 90 ')).toEqual({ ok: true, recepisse: '1111234567890' });
    expect(normalizeRecepisse('')).toEqual({ ok: false, message: 'Saisissez le numéro du récépissé (13 chiffres).' });
    expect(normalizeRecepisse('11112345678901')).toEqual({
      ok: false,
      message: 'Récépissé invalide « 11112345678901 » : 13 chiffres attendus (14 saisis).',
    });
  });
});
