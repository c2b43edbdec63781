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
  'date_statut',
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
  /** `statusDate`: the day this version takes effect (date_statut), null when the file does not say. */
  | { ok: true; row: RegistryRow; statusDate: string | null }
  /** `recepisse` is set when it was readable, so a full import does not strike off a person whose row is wrong. */
  | { ok: false; reason: string; recepisse: string | null };

export interface DateValue {
  date: string;
  yearOnly: boolean;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const FRENCH_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const YEAR = /^\d{4}$/;
const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));
const daysInMonth = (y: number, m: number) =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;

/**
 * YYYY-MM-DD, DD/MM/YYYY, or (when allowed) YYYY alone, a real calendar day; null otherwise.
 * Checked by arithmetic rather than through Date: a national registry holds millions of dates.
 */
export function parseFileDate(value: string, allowYearOnly: boolean): DateValue | null {
  let y: number, m: number, d: number;
  let match = ISO_DAY.exec(value);
  if (match) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else if ((match = FRENCH_DAY.exec(value))) {
    y = Number(match[3]);
    m = Number(match[2]);
    d = Number(match[1]);
  } else if (allowYearOnly && YEAR.test(value)) return Number(value) >= 1880 ? { date: `${value}-01-01`, yearOnly: true } : null;
  else return null;
  if (y < 1880 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { date: `${y}-${twoDigits(m)}-${twoDigits(d)}`, yearOnly: false };
}

const FLAGS: Record<string, 0 | 1> = { '': 0, '0': 0, '1': 1, oui: 1, non: 0 };
const STATUS_ALIASES: Record<string, PersonStatus> = {
  '': 'actif',
  actif: 'actif',
  suspendu: 'suspendu',
  radie: 'radie',
};
const FLAG_COLUMNS = ['scolarise', 'handicap'] as const;
const VALIDITY_COLUMNS = ['debut_validite', 'fin_validite'] as const;

/** Most values are plain ASCII: only the others go through Unicode normalization. */
const NOT_PRINTABLE_ASCII = /[^ -~]/;
const fold = (value: string): string =>
  (NOT_PRINTABLE_ASCII.test(value) ? value.normalize('NFD').replace(/\p{M}/gu, '') : value).trim().toLowerCase();

// Module-level helpers rather than closures in checkRow: it runs once per row of the registry.
function field(fields: readonly string[], header: FileHeader, column: FileColumn): string {
  const i = header.index[column];
  return i === undefined ? '' : (fields[i] ?? '').trim();
}

function optionalField(fields: readonly string[], header: FileHeader, column: FileColumn, max: number): string | null {
  const value = field(fields, header, column).replace(/\s+/g, ' ');
  return value === '' ? null : value.slice(0, max);
}

const rejected = (reason: string, recepisse: string | null): RowCheck => ({ ok: false, reason, recepisse });

/** Strict validation of one data row; `today` rejects births in the future. */
export function checkRow(fields: readonly string[], header: FileHeader, today: string): RowCheck {
  const rawRecepisse = field(fields, header, 'recepisse');
  const recepisse = normalizeRecepisse(rawRecepisse);
  const known = recepisse.ok ? recepisse.recepisse : null;

  if (fields.length !== header.width) {
    return rejected(
      `Nombre de colonnes incorrect : ${fields.length} au lieu de ${header.width} (séparateur ou guillemets à vérifier).`,
      known,
    );
  }
  if (!recepisse.ok) return rejected(rawRecepisse === '' ? 'Récépissé manquant.' : recepisse.message, known);

  const familyName = field(fields, header, 'nom').replace(/\s+/g, ' ');
  const givenNames = field(fields, header, 'prenoms').replace(/\s+/g, ' ');
  if (familyName === '') return rejected('Nom manquant.', known);
  if (givenNames === '') return rejected('Prénoms manquants.', known);
  if (familyName.length > 100 || givenNames.length > 150)
    return rejected('Nom ou prénoms trop longs (100 et 150 caractères au plus).', known);

  const rawSex = field(fields, header, 'sexe');
  const sex = rawSex.toUpperCase();
  if (sex !== 'M' && sex !== 'F') return rejected(`Sexe invalide « ${rawSex} » : M ou F attendu.`, known);

  const rawBirth = field(fields, header, 'date_naissance');
  const birth = parseFileDate(rawBirth, true);
  if (!birth) {
    return rejected(`Date de naissance invalide « ${rawBirth} » : AAAA-MM-JJ, JJ/MM/AAAA ou AAAA (année seule) attendu.`, known);
  }
  if (birth.date > today) return rejected(`Date de naissance dans le futur « ${rawBirth} ».`, known);

  const rawQuality = field(fields, header, 'qualite');
  const quality = fold(rawQuality).replace(/\s+/g, '_');
  if (!(QUALITIES as readonly string[]).includes(quality)) {
    return rejected(`Qualité inconnue « ${rawQuality} » : titulaire, conjoint, enfant ou admis_de_droit attendu.`, known);
  }
  const dependant = quality === 'conjoint' || quality === 'enfant';

  let holder: string | null = null;
  if (dependant) {
    const rawHolder = field(fields, header, 'recepisse_titulaire');
    if (rawHolder === '')
      return rejected(`Titulaire manquant : un ${quality} doit indiquer le récépissé de son titulaire (recepisse_titulaire).`, known);
    const checked = normalizeRecepisse(rawHolder);
    if (!checked.ok) return rejected(`Récépissé du titulaire invalide : ${checked.message}`, known);
    if (checked.recepisse === recepisse.recepisse) return rejected('Le récépissé du titulaire est celui de la personne elle-même.', known);
    holder = checked.recepisse;
  }

  const flags: Record<'scolarise' | 'handicap', 0 | 1> = { scolarise: 0, handicap: 0 };
  for (const column of FLAG_COLUMNS) {
    const raw = field(fields, header, column);
    const value = FLAGS[fold(raw)];
    if (value === undefined) return rejected(`Valeur de ${column} invalide « ${raw} » : 1, 0, oui ou non attendu.`, known);
    flags[column] = value;
  }

  const validity: Record<'debut_validite' | 'fin_validite', string | null> = { debut_validite: null, fin_validite: null };
  for (const column of VALIDITY_COLUMNS) {
    const raw = field(fields, header, column);
    const label = column === 'debut_validite' ? 'Début de validité' : 'Fin de validité';
    if (raw === '') {
      if (!dependant)
        return rejected(`${label} manquant : obligatoire pour un ${quality === 'titulaire' ? 'titulaire' : 'admis de droit'}.`, known);
      continue;
    }
    const parsed = parseFileDate(raw, false);
    if (!parsed) return rejected(`${label} invalide « ${raw} » : AAAA-MM-JJ ou JJ/MM/AAAA attendu.`, known);
    validity[column] = parsed.date;
  }
  if (validity.debut_validite && validity.fin_validite && validity.fin_validite < validity.debut_validite) {
    return rejected(
      `Fin de validité (${field(fields, header, 'fin_validite')}) antérieure au début (${field(fields, header, 'debut_validite')}).`,
      known,
    );
  }

  const rawStatus = field(fields, header, 'statut');
  const status = STATUS_ALIASES[fold(rawStatus)];
  if (!status) return rejected(`Statut inconnu « ${rawStatus} » : actif, suspendu ou radie attendu.`, known);

  const rawStatusDate = field(fields, header, 'date_statut');
  const statusDate = rawStatusDate === '' ? null : parseFileDate(rawStatusDate, false);
  if (statusDate === null && rawStatusDate !== '')
    return rejected(`Date de statut invalide « ${rawStatusDate} » : AAAA-MM-JJ ou JJ/MM/AAAA attendu.`, known);

  const nina = field(fields, header, 'nina');
  const category = fold(field(fields, header, 'categorie')).replace(/\s+/g, '_');

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
      commune_code: optionalField(fields, header, 'commune_code', 20),
      commune: optionalField(fields, header, 'commune', 80),
      phone: optionalField(fields, header, 'telephone', 40),
    },
    statusDate: statusDate?.date ?? null,
  };
}
