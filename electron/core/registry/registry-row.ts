import { normalizeNina, normalizeRecepisse, QUALITIES, type PersonStatus } from '../../../shared/domain/registry';
import type { PersonTable } from '../db/schema/registry';

/** The columns of the registry file (interfaces.md), in the documented order. */
export const FILE_COLUMNS = [
  'recepisse',
  'nom',
  'prenoms',
  'sexe',
  'date_naissance',
  'qualite',
  'recepisse_titulaire',
  'categorie',
  'scolarise',
  'handicap',
  'debut_validite',
  'fin_validite',
  'statut',
  'nina',
  'commune_code',
  'commune',
  'telephone',
] as const;
export type FileColumn = (typeof FILE_COLUMNS)[number];

const REQUIRED: readonly FileColumn[] = ['recepisse', 'nom', 'prenoms', 'sexe', 'date_naissance', 'qualite'];

/** The registry data of a person as the file gives it, in database columns. */
export type RegistryRow = Pick<
  PersonTable,
  | 'recepisse'
  | 'family_name'
  | 'given_names'
  | 'sex'
  | 'birth_date'
  | 'birth_year_only'
  | 'quality'
  | 'holder_recepisse'
  | 'category'
  | 'in_school'
  | 'disabled'
  | 'valid_from'
  | 'valid_to'
  | 'status'
  | 'nina'
  | 'commune_code'
  | 'commune'
  | 'phone'
>;

/** The columns an import compares and replaces; a change to any of them makes a new version. */
export const REGISTRY_COLUMNS = [
  'family_name',
  'given_names',
  'sex',
  'birth_date',
  'birth_year_only',
  'quality',
  'holder_recepisse',
  'category',
  'in_school',
  'disabled',
  'valid_from',
  'valid_to',
  'status',
  'nina',
  'commune_code',
  'commune',
  'phone',
] as const satisfies ReadonlyArray<keyof RegistryRow>;

export interface FileHeader {
  /** Index of each known column in a record. */
  index: Partial<Record<FileColumn, number>>;
  width: number;
  /** French remarks that do not stop the import. */
  warnings: string[];
}

export type HeaderCheck = { ok: true; header: FileHeader } | { ok: false; message: string };

/** Column names are matched without accents, case or surrounding spaces: « Prénoms » is `prenoms`. */
const foldName = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

export function checkHeader(fields: readonly string[], delimiterName: string): HeaderCheck {
  const index: Partial<Record<FileColumn, number>> = {};
  const unknown: string[] = [];
  for (const [i, raw] of fields.entries()) {
    const name = foldName(raw);
    if ((FILE_COLUMNS as readonly string[]).includes(name)) {
      const column = name as FileColumn;
      if (index[column] !== undefined) return { ok: false, message: `En-tête incorrect : la colonne « ${column} » apparaît deux fois.` };
      index[column] = i;
    } else if (name !== '') {
      unknown.push(raw.trim());
    }
  }
  const missing = REQUIRED.filter((c) => index[c] === undefined);
  if (missing.length > 0) {
    return {
      ok: false,
      message:
        `En-tête incorrect : colonne(s) obligatoire(s) absente(s) : ${missing.join(', ')} (séparateur lu : ${delimiterName}). ` +
        `La première ligne doit nommer les colonnes, par exemple : ${REQUIRED.join(';')};recepisse_titulaire;debut_validite;fin_validite.`,
    };
  }
  const warnings = unknown.length > 0 ? [`Colonne(s) inconnue(s) ignorée(s) : ${unknown.join(', ')}.`] : [];
  return { ok: true, header: { index, width: fields.length, warnings } };
}

export type RowCheck =
  | { ok: true; row: RegistryRow }
  /** `recepisse` is set when it was readable, so a full import does not strike off a person whose row is wrong. */
  | { ok: false; reason: string; recepisse: string | null };

export interface DateValue {
  date: string;
  yearOnly: boolean;
}

/** YYYY-MM-DD, DD/MM/YYYY, or (when allowed) YYYY alone, a real calendar day; null otherwise. */
export function parseFileDate(value: string, allowYearOnly: boolean): DateValue | null {
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value))) [y, m, d] = [Number(match[3]), Number(match[2]), Number(match[1])];
  else if (allowYearOnly && /^\d{4}$/.test(value)) return Number(value) >= 1880 ? { date: `${value}-01-01`, yearOnly: true } : null;
  else return null;
  if (y < 1880 || y > 2200) return null;
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return null;
  return { date: day.toISOString().slice(0, 10), yearOnly: false };
}

const FLAGS: Record<string, 0 | 1> = { '': 0, '0': 0, '1': 1, oui: 1, non: 0 };
const STATUS_ALIASES: Record<string, PersonStatus> = {
  '': 'actif',
  actif: 'actif',
  suspendu: 'suspendu',
  radie: 'radie',
};

const fold = (value: string): string => value.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();

/** Strict validation of one data row; `today` rejects births in the future. */
export function checkRow(fields: readonly string[], header: FileHeader, today: string): RowCheck {
  const get = (column: FileColumn): string => {
    const i = header.index[column];
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };
  const rawRecepisse = get('recepisse');
  const recepisse = normalizeRecepisse(rawRecepisse);
  const known = recepisse.ok ? recepisse.recepisse : null;
  const fail = (reason: string): RowCheck => ({ ok: false, reason, recepisse: known });

  if (fields.length !== header.width) {
    return fail(`Nombre de colonnes incorrect : ${fields.length} au lieu de ${header.width} (séparateur ou guillemets à vérifier).`);
  }
  if (!recepisse.ok) return fail(rawRecepisse === '' ? 'Récépissé manquant.' : recepisse.message);

  const familyName = get('nom').replace(/\s+/g, ' ');
  const givenNames = get('prenoms').replace(/\s+/g, ' ');
  if (familyName === '') return fail('Nom manquant.');
  if (givenNames === '') return fail('Prénoms manquants.');
  if (familyName.length > 100 || givenNames.length > 150) return fail('Nom ou prénoms trop longs (100 et 150 caractères au plus).');

  const sex = get('sexe').toUpperCase();
  if (sex !== 'M' && sex !== 'F') return fail(`Sexe invalide « ${get('sexe')} » : M ou F attendu.`);

  const birth = parseFileDate(get('date_naissance'), true);
  if (!birth) {
    return fail(`Date de naissance invalide « ${get('date_naissance')} » : AAAA-MM-JJ, JJ/MM/AAAA ou AAAA (année seule) attendu.`);
  }
  if (birth.date > today) return fail(`Date de naissance dans le futur « ${get('date_naissance')} ».`);

  const quality = fold(get('qualite')).replace(/\s+/g, '_');
  if (!(QUALITIES as readonly string[]).includes(quality)) {
    return fail(`Qualité inconnue « ${get('qualite')} » : titulaire, conjoint, enfant ou admis_de_droit attendu.`);
  }
  const dependant = quality === 'conjoint' || quality === 'enfant';

  let holder: string | null = null;
  if (dependant) {
    const rawHolder = get('recepisse_titulaire');
    if (rawHolder === '')
      return fail(`Titulaire manquant : un ${quality} doit indiquer le récépissé de son titulaire (recepisse_titulaire).`);
    const checked = normalizeRecepisse(rawHolder);
    if (!checked.ok) return fail(`Récépissé du titulaire invalide : ${checked.message}`);
    if (checked.recepisse === recepisse.recepisse) return fail('Le récépissé du titulaire est celui de la personne elle-même.');
    holder = checked.recepisse;
  }

  const flags: Record<'scolarise' | 'handicap', 0 | 1> = { scolarise: 0, handicap: 0 };
  for (const column of ['scolarise', 'handicap'] as const) {
    const value = FLAGS[fold(get(column))];
    if (value === undefined) return fail(`Valeur de ${column} invalide « ${get(column)} » : 1, 0, oui ou non attendu.`);
    flags[column] = value;
  }

  const validity: Record<'debut_validite' | 'fin_validite', string | null> = { debut_validite: null, fin_validite: null };
  for (const column of ['debut_validite', 'fin_validite'] as const) {
    const raw = get(column);
    const label = column === 'debut_validite' ? 'Début de validité' : 'Fin de validité';
    if (raw === '') {
      if (!dependant) return fail(`${label} manquant : obligatoire pour un ${quality === 'titulaire' ? 'titulaire' : 'admis de droit'}.`);
      continue;
    }
    const parsed = parseFileDate(raw, false);
    if (!parsed) return fail(`${label} invalide « ${raw} » : AAAA-MM-JJ ou JJ/MM/AAAA attendu.`);
    validity[column] = parsed.date;
  }
  if (validity.debut_validite && validity.fin_validite && validity.fin_validite < validity.debut_validite) {
    return fail(`Fin de validité (${get('fin_validite')}) antérieure au début (${get('debut_validite')}).`);
  }

  const status = STATUS_ALIASES[fold(get('statut'))];
  if (!status) return fail(`Statut inconnu « ${get('statut')} » : actif, suspendu ou radie attendu.`);

  const optional = (column: FileColumn, max: number): string | null => {
    const value = get(column).replace(/\s+/g, ' ');
    return value === '' ? null : value.slice(0, max);
  };
  const nina = get('nina');
  const category = fold(get('categorie')).replace(/\s+/g, '_');

  return {
    ok: true,
    row: {
      recepisse: recepisse.recepisse,
      family_name: familyName,
      given_names: givenNames,
      sex,
      birth_date: birth.date,
      birth_year_only: birth.yearOnly ? 1 : 0,
      quality: quality as RegistryRow['quality'],
      holder_recepisse: holder,
      category: category === '' ? null : category.slice(0, 40),
      in_school: flags.scolarise,
      disabled: flags.handicap,
      valid_from: validity.debut_validite,
      valid_to: validity.fin_validite,
      status,
      nina: nina === '' ? null : normalizeNina(nina).slice(0, 40),
      commune_code: optional('commune_code', 20),
      commune: optional('commune', 80),
      phone: optional('telephone', 40),
    },
  };
}
