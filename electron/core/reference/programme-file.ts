import type { Kysely, Selectable } from 'kysely';
import { TARIFF_CATEGORIES } from '../../../shared/domain/reference';
import type { PatientCondition, Programme } from '../../../shared/rules/programmes';
import { searchKey } from '../../../shared/lib/text';
import type { Database } from '../db/schema/index';
import type { ProgrammeTable } from '../db/schema/programmes';
import { describeDifferences } from './differences';
import { choiceField, codeField, collect, dateField, FieldError, flagField, optionalDate, requiredText } from './fields';
import type { ReferenceSpec } from './import';
import type { Version } from './versions';

/** What a programme version says, apart from its period; lists are kept as the file's `|`-joined codes. */
interface ProgrammeContent {
  name: string;
  payer: string;
  rank: number;
  acts: string;
  categories: string;
  medicines: string;
  caesarean: boolean;
  patients: string;
  icd10: string;
}

const LABELS: Record<keyof ProgrammeContent, string> = {
  name: 'nom',
  payer: 'payeur',
  rank: 'ordre',
  acts: 'actes',
  categories: 'catégories',
  medicines: 'médicaments',
  caesarean: 'césarienne',
  patients: 'patients',
  icd10: 'CIM-10',
};

const items = (value: string): string[] =>
  value
    .split(/[|,]/)
    .map((v) => v.trim())
    .filter(Boolean);

const uniqueJoin = (values: string[]) => [...new Set(values)].join('|');

function rankField(value: string): number {
  if (!/^\d{1,3}$/.test(value) || Number(value) < 1) throw new FieldError(`ordre « ${value} » invalide : nombre entier de 1 à 999 attendu`);
  return Number(value);
}

/** `moins_de_5_ans` (« moins de 5 ans ») or `enceinte` (« femme enceinte »), separated by |. */
function patientsField(value: string): string {
  return uniqueJoin(
    items(value).map((item) => {
      const key = searchKey(item).replace(/ /g, '_');
      if (key === 'enceinte' || key === 'femme_enceinte') return 'enceinte';
      const age = /^moins_de_(\d{1,3})_ans?$/.exec(key);
      if (age && Number(age[1]) >= 1 && Number(age[1]) <= 120) return `moins_de_${Number(age[1])}_ans`;
      throw new FieldError(`patients « ${item} » invalide : moins_de_N_ans (N de 1 à 120) ou enceinte, séparés par |`);
    }),
  );
}

function icd10Field(value: string): string {
  return uniqueJoin(
    items(value).map((item) => {
      const code = item.toUpperCase();
      if (!/^[A-Z][0-9]{0,2}(\.?[0-9A-Z]{1,4})?$/.test(code)) {
        throw new FieldError(`cim10 « ${item} » invalide : début de code CIM-10 attendu (ex. B50, A15, O), séparés par |`);
      }
      return code;
    }),
  );
}

/** The programmes list format (docs/programmes.md): one line per programme and period. */
export const programmeFile: ReferenceSpec<ProgrammeContent> = {
  kind: 'programmes',
  columns: {
    required: ['code', 'nom', 'payeur', 'ordre', 'debut_effet'],
    optional: ['actes', 'categories', 'medicaments', 'cesarienne', 'patients', 'cim10', 'fin_effet', 'commentaire'],
  },
  parseRow(values) {
    const parsed = collect((take) => {
      const code = take(() => {
        const c = codeField(values.code!);
        if (c === 'RAMED') throw new FieldError('code « RAMED » refusé : le RAMED n’est pas un programme de gratuité');
        return c;
      });
      const from = take(() => dateField('début d’effet', values.debut_effet!));
      const to = take(() => optionalDate('fin d’effet', values.fin_effet ?? ''));
      const content: ProgrammeContent = {
        name: take(() => requiredText('nom', values.nom!, 120)),
        payer: take(() => requiredText('payeur', values.payeur!, 120)),
        rank: take(() => rankField(values.ordre!)),
        acts: take(() => uniqueJoin(items(values.actes ?? '').map(codeField))),
        categories: take(() => uniqueJoin(items(values.categories ?? '').map((c) => choiceField('catégorie', c, TARIFF_CATEGORIES)))),
        medicines: take(() => uniqueJoin(items(values.medicaments ?? '').map(codeField))),
        caesarean: take(() => flagField('césarienne', values.cesarienne ?? '', false)),
        patients: take(() => patientsField(values.patients ?? '')),
        icd10: take(() => icd10Field(values.cim10 ?? '')),
      };
      take(() => {
        if (from && to && to < from) throw new FieldError('la fin d’effet précède le début d’effet');
        const lists = [content.acts, content.categories, content.medicines];
        // A list already refused says enough about the line.
        if (lists.every((l) => l === '') && content.caesarean === false) {
          throw new FieldError('le programme ne couvre rien : donnez des actes, des catégories, des médicaments ou cesarienne = 1');
        }
      });
      return { code, from, to, content };
    });
    if ('errors' in parsed) return parsed;
    const { code, from, to, content } = parsed.value;
    return { versions: [{ key: code, from, to, content }] };
  },
  differences: (recorded, given) => describeDifferences(recorded, given, LABELS),
  describeKey: (code) => `le programme ${code}`,
  async loadExisting(db) {
    const map = new Map<string, Version<ProgrammeContent>[]>();
    for (const r of await db.selectFrom('programme').selectAll().execute()) {
      const version = { id: r.id, from: r.effective_from, to: r.effective_to, content: contentOf(r) };
      map.set(r.code, [...(map.get(r.code) ?? []), version]);
    }
    return map;
  },
  async insert(db, rows, importId, now) {
    await db
      .insertInto('programme')
      .values(
        rows.map(({ key: code, from, to, content: c }) => ({
          code,
          name: c.name,
          payer: c.payer,
          rank: c.rank,
          acts: c.acts,
          categories: c.categories,
          medicines: c.medicines,
          caesarean: c.caesarean ? (1 as const) : (0 as const),
          patients: c.patients,
          icd10: c.icd10,
          effective_from: from,
          effective_to: to,
          import_id: importId,
          created_at: now,
        })),
      )
      .execute();
  },
  async close(db, id, to) {
    await db.updateTable('programme').set({ effective_to: to }).where('id', '=', id).execute();
  },
};

function contentOf(r: Selectable<ProgrammeTable>): ProgrammeContent {
  return {
    name: r.name,
    payer: r.payer,
    rank: Number(r.rank),
    acts: r.acts,
    categories: r.categories,
    medicines: r.medicines,
    caesarean: Number(r.caesarean) === 1,
    patients: r.patients,
    icd10: r.icd10,
  };
}

const split = (value: string) => (value === '' ? [] : value.split('|'));

function conditionOf(token: string): PatientCondition {
  const age = /^moins_de_(\d+)_ans$/.exec(token);
  return age ? { kind: 'under_age', years: Number(age[1]) } : { kind: 'pregnant' };
}

/** Every version of every programme, in the list's order (pricing picks those in force on each line's day). */
export async function listProgrammes(db: Kysely<Database>): Promise<Programme[]> {
  const rows = await db.selectFrom('programme').selectAll().orderBy('rank').orderBy('code').orderBy('effective_from').execute();
  return rows.map((r) => {
    const c = contentOf(r);
    return {
      code: r.code,
      name: c.name,
      payer: c.payer,
      order: c.rank,
      acts: split(c.acts),
      categories: split(c.categories) as Programme['categories'],
      medicines: split(c.medicines),
      caesarean: c.caesarean,
      patients: split(c.patients).map(conditionOf),
      icd10: split(c.icd10),
      effectiveFrom: r.effective_from,
      effectiveTo: r.effective_to,
    };
  });
}
