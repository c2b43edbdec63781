import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { stringify } from 'csv-stringify';
import { FILE_COLUMNS, type FileColumn } from '../../electron/core/registry/registry-row';
import { seededRandom } from '../../shared/lib/seeded-random';

/**
 * A deterministic generator of realistic (fictitious) ANAM registries: Malian family and given
 * names, households of a titulaire with spouses and children, admis de droit, three-year
 * validity periods, some suspended or struck off, and dirty rows on request. The same options
 * always give the same file: tests and benchmarks rely on it.
 */
export interface GeneratorOptions {
  /** About this many persons (the last household completes). */
  persons: number;
  seed?: number;
  /** The day ages and validity periods are drawn around (YYYY-MM-DD). */
  today?: string;
  /** Share of rows made invalid (bad récépissé, bad date, unknown quality, missing holder, duplicate, bad sex). */
  dirtyRate?: number;
  /** Dates sometimes DD/MM/YYYY and récépissés sometimes with spaces or dashes, as real files are. */
  mixedFormats?: boolean;
  /** First récépissé sequence number, to make registries that do not overlap. */
  firstSequence?: number;
}

export type RegistryRecord = Record<FileColumn, string>;

export interface GeneratedRecord {
  record: RegistryRecord;
  /** Why the row is invalid, when it was made dirty on purpose. */
  dirty: DirtyKind | null;
}

export type DirtyKind = 'bad_recepisse' | 'bad_date' | 'unknown_quality' | 'missing_holder' | 'duplicate' | 'bad_sex';
const DIRTY_KINDS: readonly DirtyKind[] = ['bad_recepisse', 'bad_date', 'unknown_quality', 'missing_holder', 'duplicate', 'bad_sex'];

// prettier-ignore
export const FAMILY_NAMES = [
  'Traoré', 'Coulibaly', 'Diarra', 'Keïta', 'Konaté', 'Touré', 'Sangaré', 'Dembélé', 'Diallo', 'Cissé',
  'Maïga', 'Sidibé', 'Koné', 'Doumbia', 'Sissoko', 'Camara', 'Kanté', 'Samaké', 'Bagayoko', 'Fofana',
  'Dicko', 'Ba', 'Guindo', 'Togo', 'Dolo', 'Haïdara', 'Sow', 'Tounkara', 'Diakité', 'Kouyaté',
  'Bamba', 'Fomba', 'Berthé', 'Sacko', 'Niang', 'Tangara', 'Mariko', 'Dao', 'Goïta', 'Ballo',
  'Koïta', "N'Diaye", 'Thiam', 'Soumaré', 'Simpara', 'Kamissoko', 'Sylla', 'Yattara', 'Bengaly', 'Konaré',
  'Kassogué', 'Poudiougou', 'Ouattara', 'Mallé', 'Sanogo', 'Daou', 'Tembély', 'Boiré', 'Tamboura', 'Kané',
] as const;

// prettier-ignore
const MALE_NAMES = [
  'Moussa', 'Mamadou', 'Modibo', 'Boubacar', 'Seydou', 'Bakary', 'Oumar', 'Ibrahim', 'Souleymane', 'Adama',
  'Amadou', 'Abdoulaye', 'Lassana', 'Drissa', 'Sékou', 'Cheick Oumar', 'Fousseyni', 'Yacouba', 'Mahamadou', 'Issa',
  'Siaka', 'Tiémoko', 'Zoumana', 'Daouda', 'Hamidou', 'Alou', 'Kalilou', 'Bréhima', 'Sidiki', 'Mohamed',
  'Ousmane', 'Aliou', 'Youssouf', 'Salif', 'Mamoutou', 'Nouhoum', 'Dramane', 'Bourama', 'Madou', 'Kassoum',
] as const;

// prettier-ignore
const FEMALE_NAMES = [
  'Aminata', 'Fatoumata', 'Mariam', 'Awa', 'Kadiatou', 'Oumou', 'Rokia', 'Assitan', 'Djénéba', 'Hawa',
  'Aïssata', 'Kadidia', 'Salimata', 'Bintou', 'Nana', 'Fanta', 'Korotoumou', 'Maïmouna', 'Ramata', 'Sitan',
  'Tenin', 'Niakalé', 'Safiatou', 'Adiaratou', 'Coumba', 'Mariétou', 'Hatouma', 'Sali', 'Minata', 'Batoma',
  'Founé', 'Kadiatou Fanta', 'Mah', 'Nagnouma', 'Sanata', 'Djeneba', 'Assétou', 'Ténimba', 'Habibatou', 'Yah',
] as const;

/** Communes of residence; the codes are illustrative, not the official ones. */
// prettier-ignore
export const COMMUNES: ReadonlyArray<readonly [string, string]> = [
  ['BKO-C1', 'Bamako Commune I'], ['BKO-C2', 'Bamako Commune II'], ['BKO-C4', 'Bamako Commune IV'], ['BKO-C6', 'Bamako Commune VI'],
  ['KTI', 'Kati'], ['KLK', 'Koulikoro'], ['SEG', 'Ségou'], ['SIK', 'Sikasso'], ['MPT', 'Mopti'], ['KYS', 'Kayes'],
  ['TBT', 'Tombouctou'], ['GAO', 'Gao'], ['SAN', 'San'], ['KTL', 'Koutiala'], ['BGN', 'Bougouni'], ['KIT', 'Kita'],
  ['NRO', 'Nioro du Sahel'], ['DJN', 'Djenné'], ['BDG', 'Bandiagara'], ['DLA', 'Dioïla'], ['NNO', 'Niono'], ['DTZ', 'Douentza'],
  ['MNK', 'Ménaka'], ['KNB', 'Kéniéba'],
];

const ADMIS_CATEGORIES = ['bienfaisance', 'penitentiaire', 'sans_domicile', 'deplace_interne', 'blesse_guerre'] as const;

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function* generateRegistry(options: GeneratorOptions): Generator<GeneratedRecord> {
  const random = seededRandom(options.seed ?? 1);
  const today = Date.parse(`${options.today ?? '2026-11-16'}T00:00:00Z`);
  const dirtyRate = options.dirtyRate ?? 0;
  const mixed = options.mixedFormats ?? false;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number) => random() < p;
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  let sequence = options.firstSequence ?? 0;
  const recent: string[] = [];

  const recepisse = (): string => {
    const digits = String(1_000_000_000_000 + sequence++ * 13 + ((options.seed ?? 1) % 13));
    if (!mixed || !chance(0.1)) return digits;
    return chance(0.5) ? `${digits.slice(0, 4)} ${digits.slice(4, 8)} ${digits.slice(8)}` : `${digits.slice(0, 4)}-${digits.slice(4)}`;
  };
  const day = (ms: number): string => {
    const text = iso(ms);
    return mixed && chance(0.3) ? `${text.slice(8, 10)}/${text.slice(5, 7)}/${text.slice(0, 4)}` : text;
  };
  const birth = (age: number, yearOnlyShare: number): string => {
    const ms = today - age * 365.25 * DAY - between(0, 364) * DAY;
    return chance(yearOnlyShare) ? iso(ms).slice(0, 4) : day(ms);
  };
  const status = (): string => (chance(0.025) ? 'suspendu' : chance(0.015) ? 'radie' : chance(0.5) ? 'actif' : '');
  const nina = (): string =>
    chance(0.4) ? `${between(10_000_000, 99_999_999)}${between(100_000, 999_999)}${pick(['A', 'B', 'C', 'D', 'E'])}` : '';
  const phone = (): string => (chance(0.6) ? `+223 ${between(60, 99)} ${between(10, 99)} ${between(10, 99)} ${between(10, 99)}` : '');
  const blank = (): RegistryRecord => Object.fromEntries(FILE_COLUMNS.map((c) => [c, ''])) as RegistryRecord;

  function* emit(record: RegistryRecord): Generator<GeneratedRecord> {
    let dirty: DirtyKind | null = null;
    if (dirtyRate > 0 && chance(dirtyRate)) {
      dirty = pick(DIRTY_KINDS);
      if (dirty === 'bad_recepisse') record.recepisse = record.recepisse.replace(/\D/g, '').slice(0, 12);
      if (dirty === 'bad_date') record.date_naissance = '31/02/1990';
      if (dirty === 'unknown_quality') record.qualite = 'cousin';
      if (dirty === 'missing_holder') {
        record.qualite = 'enfant';
        record.recepisse_titulaire = '';
      }
      if (dirty === 'duplicate') {
        if (recent.length === 0) dirty = null;
        else record.recepisse = pick(recent);
      }
      if (dirty === 'bad_sex') record.sexe = 'X';
    }
    if (dirty === null) {
      recent.push(record.recepisse);
      if (recent.length > 500) recent.shift();
    }
    yield { record, dirty };
  }

  let produced = 0;
  while (produced < options.persons) {
    const [communeCode, commune] = pick(COMMUNES);
    const start = today - between(0, 3 * 365) * DAY + between(0, 30) * DAY;
    const validity = { debut_validite: day(start), fin_validite: day(start + (3 * 365 - 1) * DAY) };

    if (chance(0.03)) {
      const sex = chance(0.6) ? 'M' : 'F';
      yield* emit({
        ...blank(),
        recepisse: recepisse(),
        nom: pick(FAMILY_NAMES),
        prenoms: pick(sex === 'M' ? MALE_NAMES : FEMALE_NAMES),
        sexe: sex,
        date_naissance: birth(between(5, 80), 0.5),
        qualite: 'admis_de_droit',
        categorie: pick(ADMIS_CATEGORIES),
        ...validity,
        statut: status(),
        commune_code: communeCode,
        commune,
      });
      produced++;
      continue;
    }

    const holderSex = chance(0.78) ? 'M' : 'F';
    const holderAge = between(22, 75);
    const family = pick(FAMILY_NAMES);
    const holder: RegistryRecord = {
      ...blank(),
      recepisse: recepisse(),
      nom: family,
      prenoms: pick(holderSex === 'M' ? MALE_NAMES : FEMALE_NAMES),
      sexe: holderSex,
      date_naissance: birth(holderAge, 0.35),
      qualite: 'titulaire',
      ...validity,
      statut: status(),
      nina: nina(),
      commune_code: communeCode,
      commune,
      telephone: phone(),
    };
    const holderKey = holder.recepisse;
    yield* emit(holder);
    produced++;

    const spouses = holderSex === 'M' ? pick([0, 1, 1, 1, 1, 2, 2, 3]) : chance(0.3) ? 1 : 0;
    for (let i = 0; i < spouses; i++) {
      yield* emit({
        ...blank(),
        recepisse: recepisse(),
        nom: pick(FAMILY_NAMES),
        prenoms: pick(holderSex === 'M' ? FEMALE_NAMES : MALE_NAMES),
        sexe: holderSex === 'M' ? 'F' : 'M',
        date_naissance: birth(Math.max(18, holderAge - between(0, 20)), 0.35),
        qualite: 'conjoint',
        recepisse_titulaire: holderKey,
        statut: chance(0.98) ? '' : 'suspendu',
        nina: nina(),
        commune_code: communeCode,
        commune,
      });
      produced++;
    }

    const children = holderAge < 20 ? 0 : between(0, Math.min(8, Math.floor((holderAge - 18) / 2)));
    for (let i = 0; i < children; i++) {
      const age = between(0, Math.min(30, holderAge - 16));
      const sex = chance(0.5) ? 'M' : 'F';
      yield* emit({
        ...blank(),
        recepisse: recepisse(),
        nom: holderSex === 'M' ? family : pick(FAMILY_NAMES),
        prenoms: pick(sex === 'M' ? MALE_NAMES : FEMALE_NAMES),
        sexe: sex,
        date_naissance: birth(age, 0.15),
        qualite: 'enfant',
        recepisse_titulaire: holderKey,
        scolarise: age >= 12 && age <= 23 ? (chance(0.45) ? '1' : '0') : '',
        handicap: chance(0.02) ? '1' : '',
        commune_code: communeCode,
        commune,
      });
      produced++;
    }
  }
}

export interface WriteOptions extends GeneratorOptions {
  delimiter?: ';' | ',' | '\t';
  bom?: boolean;
  /** Ends the file with the trailer line `#FIN;N` that a full import needs (default: true, as the ANAM writes it). */
  trailer?: boolean;
}

/** csv-stringify hands out a chunk per record: given to gzip one by one, each is a trip to a worker thread. */
function inBlocks(size = 1 << 16): Transform {
  let chunks: Buffer[] = [];
  let length = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= size) {
        this.push(Buffer.concat(chunks));
        chunks = [];
        length = 0;
      }
      done();
    },
    flush(done) {
      if (length > 0) this.push(Buffer.concat(chunks));
      done();
    },
  });
}

/** Writes a generated registry to `path` (gzip when it ends in .gz); answers the row counts. */
export async function writeRegistry(path: string, options: WriteOptions): Promise<{ rows: number; dirty: number }> {
  let rows = 0;
  let dirty = 0;
  const records = Readable.from(
    (function* () {
      for (const generated of generateRegistry(options)) {
        rows++;
        if (generated.dirty) dirty++;
        yield generated.record;
      }
    })(),
  );
  const csv = stringify({ header: true, columns: [...FILE_COLUMNS], delimiter: options.delimiter ?? ';', bom: options.bom ?? false });
  const delimiter = options.delimiter ?? ';';
  const trailer = options.trailer ?? true;
  async function* withTrailer(lines: AsyncIterable<Buffer>) {
    yield* lines;
    if (trailer) yield Buffer.from(`#FIN${delimiter}${rows}\n`);
  }
  if (path.endsWith('.gz')) await pipeline(records, csv, withTrailer, inBlocks(), createGzip({ level: 6 }), createWriteStream(path));
  else await pipeline(records, csv, withTrailer, createWriteStream(path));
  return { rows, dirty };
}

/** A registry file's text from records, for tests that write small files by hand; `trailer` adds the line `#FIN;N`. */
export function registryCsv(records: ReadonlyArray<Partial<RegistryRecord>>, delimiter = ';', { trailer = false } = {}): string {
  const lines = [FILE_COLUMNS.join(delimiter), ...records.map((r) => FILE_COLUMNS.map((c) => r[c] ?? '').join(delimiter))];
  if (trailer) lines.push(`#FIN${delimiter}${records.length}`);
  return `${lines.join('\n')}\n`;
}
